import SnapshotModel

/// Redacts free text: override phrases of the row and field, natural persons' names, ID
/// numbers, phones, bank cards and e-mail addresses, names after context words. Names of
/// organisations and USCCs shown elsewhere are protected, so that 张伟科技有限公司 does not
/// become 张某科技有限公司 and a USCC is never taken for an ID number.
///
/// Every detector runs on the field's ``NormalizedText`` (the text as a reader sees it:
/// NFKC, invisible characters dropped, references decoded, Markdown read); what it finds is
/// replaced whole in the source, markup inside included.
struct TextRedactor: Sendable {
    private let personNames: PhraseMatcher
    private let maskedForms: [String: String]
    private let protectedPhrases: PhraseMatcher
    private let addressFragments: PhraseMatcher
    private let contextNames: ContextNameDetector?

    /// - Parameters:
    ///   - personNames: names to mask wherever they appear (at least two characters).
    ///   - protectedPhrases: organisation names and USCCs that are public as written.
    ///   - addressFragments: parts of home addresses below the county level.
    ///   - publicNames: people's names that are public (legal representatives of legal persons),
    ///     which the context detector leaves alone.
    ///   - contextNames: whether names after context words (联系人, 患者…) are masked.
    init(personNames: [String], protectedPhrases: [String], addressFragments: [String] = [],
         publicNames: [String] = [], contextNames: Bool = true) {
        self.addressFragments = PhraseMatcher(addressFragments.map(NormalizedText.matchKey))
        var masked: [String: String] = [:]
        for name in personNames {
            let folded = NormalizedText.folded(name).trimmingCharacters(in: .whitespaces)
            let key = NormalizedText.matchKey(name)
            guard key.unicodeScalars.count >= 2, NameMask.mask(folded) != folded, masked[key] == nil else { continue }
            masked[key] = NameMask.mask(folded)
        }
        self.personNames = PhraseMatcher(masked.keys)
        maskedForms = masked
        self.protectedPhrases = PhraseMatcher(
            protectedPhrases.map(NormalizedText.matchKey).filter { $0.unicodeScalars.count >= 2 })
        let people = Set(masked.keys)
        self.contextNames = contextNames
            ? ContextNameDetector(publicNames: Set(publicNames.map(NormalizedText.matchKey)).subtracting(people)) : nil
    }

    /// The redacted text and the replacements made, in original offsets.
    /// - Parameter present: turns each replacement (with its rule and original) into the text
    ///   emitted; the identity except in the reviewer preview.
    func redact(
        _ text: String, overrides: [(phrase: String, replacement: String)], markdown: Bool,
        present: (RedactionRule, String, String) -> String = { _, _, replacement in replacement }
    ) -> (RedactedText, [(range: Range<Int>, rule: RedactionRule)]) {
        let scalars = Array(text.unicodeScalars)
        let chosen = detections(in: scalars, overrides: overrides, markdown: markdown)
        var output = String.UnicodeScalarView()
        var position = 0
        for detection in chosen {
            output.append(contentsOf: scalars[position..<detection.range.lowerBound])
            let original = String(String.UnicodeScalarView(scalars[detection.range]))
            let replacement = present(
                detection.rule, original, markdown ? Self.escapeMarkdown(detection.replacement) : detection.replacement)
            output.append(contentsOf: replacement.unicodeScalars)
            position = detection.range.upperBound
        }
        output.append(contentsOf: scalars[position...])
        return (
            RedactedText(value: String(output), isMarkdown: markdown),
            chosen.map { ($0.range, $0.rule) }
        )
    }

    /// What is replaced in `scalars`: spans in source offsets, sorted, not overlapping.
    func detections(
        in scalars: [Unicode.Scalar], overrides: [(phrase: String, replacement: String)], markdown: Bool
    ) -> [Detection] {
        let view = NormalizedText(scalars, markdown: markdown)
        let compact = view.compacted()
        var found = DetectionSet(covering: 0..<scalars.count)
        // 1. Reviewer overrides win over everything, protected phrases included: as written,
        //    and as a reader sees them.
        if !overrides.isEmpty {
            var byPhrase: [String: String] = [:]
            var byKey: [String: String] = [:]
            for (phrase, replacement) in overrides {
                if byPhrase[phrase] == nil { byPhrase[phrase] = replacement }
                let key = Self.key(phrase, markdown: markdown)
                if !key.isEmpty, byKey[key] == nil { byKey[key] = replacement }
            }
            for range in PhraseMatcher(byPhrase.keys).matches(in: scalars) {
                let phrase = String(String.UnicodeScalarView(scalars[range]))
                found.offer(Detection(range: range, rule: .override, replacement: byPhrase[phrase] ?? "［已隐去］"))
            }
            for range in PhraseMatcher(byKey.keys).matches(in: compact.scalars) {
                let key = String(String.UnicodeScalarView(compact.scalars[range]))
                found.offer(Detection(
                    range: compact.sourceRange(range), rule: .override, replacement: byKey[key] ?? "［已隐去］"))
            }
        }
        // 2. Protected spans: public organisation names and USCCs.
        let protected = protectedSpans(view, compact)
        // 3. Identifiers, phones, cards, e-mail.
        for detection in FreeTextDetector.detect(in: view.scalars) {
            let range = view.sourceRange(detection.range)
            guard !protected.contains(range) else { continue }
            found.offer(Detection(range: range, rule: detection.rule, replacement: detection.replacement))
        }
        // 4. Natural persons' names; 5. names after context words; 6. home addresses.
        names(in: compact, protected: protected, into: &found)
        // What a reader does not see among the text: link targets, the inside of raw tags.
        for segment in view.segments {
            let part = NormalizedText(scalars, in: segment.range, markdown: false)
            var inner = DetectionSet(covering: segment.range)
            for detection in FreeTextDetector.detect(in: part.scalars) {
                inner.offer(Detection(range: part.sourceRange(detection.range), rule: detection.rule,
                                      replacement: detection.replacement))
            }
            names(in: part.compacted(), protected: protected, into: &inner)
            let hits = inner.chosen()
            guard let first = hits.first else { continue }
            switch segment.kind {
            case .destination:
                // A link whose target holds personal data loses its target.
                found.offer(Detection(range: segment.range, rule: first.rule, replacement: ""))
            case .tag:
                hits.forEach { found.offer($0) }
            }
        }
        return found.chosen()
    }

    /// Known names, names after context words and address fragments in a compacted view.
    private func names(in compact: NormalizedText, protected: ProtectedSpans, into found: inout DetectionSet) {
        for range in personNames.matches(in: compact.scalars) {
            let source = compact.sourceRange(range)
            guard !protected.contains(source) else { continue }
            let key = String(String.UnicodeScalarView(compact.scalars[range]))
            found.offer(Detection(range: source, rule: .personName, replacement: maskedForms[key] ?? "某"))
        }
        if let contextNames {
            for (range, mask) in contextNames.detect(in: compact.scalars) {
                let source = compact.sourceRange(range)
                guard !protected.contains(source) else { continue }
                found.offer(Detection(range: source, rule: .contextName, replacement: mask))
            }
        }
        for range in addressFragments.matches(in: compact.scalars) {
            found.offer(Detection(range: compact.sourceRange(range), rule: .address, replacement: "［详细地址已隐去］"))
        }
    }

    /// What the detectors find in a view of published text that no protection covers:
    /// numbers and e-mail addresses (ranges in the view) and, with `names`, the rules of known
    /// names and address fragments found (not names after context words: a page's own labels
    /// stand before many values).
    func unprotectedDetections(in view: NormalizedText, names: Bool) -> (numbers: [Detection], names: [RedactionRule]) {
        let compact = view.compacted()
        let protected = protectedSpans(view, compact)
        let numbers = FreeTextDetector.detect(in: view.scalars).filter { !protected.contains(view.sourceRange($0.range)) }
        guard names else { return (numbers, []) }
        var rules: [RedactionRule] = []
        if personNames.matches(in: compact.scalars).contains(where: { !protected.contains(compact.sourceRange($0)) }) {
            rules.append(.personName)
        }
        if addressFragments.matches(in: compact.scalars).contains(where: { !protected.contains(compact.sourceRange($0)) }) {
            rules.append(.address)
        }
        return (numbers, rules)
    }

    /// The spans of a view that are public as written: organisation names (matched in the
    /// compacted view) and USCCs, in source offsets.
    private func protectedSpans(_ view: NormalizedText, _ compact: NormalizedText) -> ProtectedSpans {
        var protected = ProtectedSpans()
        for range in protectedPhrases.matches(in: compact.scalars) { protected.add(compact.sourceRange(range)) }
        for range in Self.usccTokens(in: view.scalars) { protected.add(view.sourceRange(range)) }
        protected.prepare()
        return protected
    }

    /// The matching key of a phrase in a field of this kind.
    static func key(_ phrase: String, markdown: Bool) -> String {
        NormalizedText(Array(phrase.unicodeScalars), markdown: markdown).compacted().string
    }

    /// 18-character USCC-shaped tokens whose GB 32100 checksum verifies and that are not
    /// ID numbers (a string valid as both, with a plausible birth date, stays masked).
    static func usccTokens(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        func isUSCCCharacter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A: return true
            default: return false
            }
        }
        while index < scalars.count {
            guard isUSCCCharacter(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isUSCCCharacter(scalars[end]) { end += 1 }
            if end - index == 18 {
                let token = String(String.UnicodeScalarView(scalars[index..<end]))
                if IdentifierChecksumBridge.isUSCCNotID(token) { result.append(index..<end) }
            }
            index = end
        }
        return result
    }

    /// Escapes characters that Markdown would read as syntax in a replacement (`*`, `_`, ...).
    static func escapeMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_{}[]()#+-.!<>|~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
