import SnapshotModel

/// Redacts free text: override phrases of the row and field, natural persons' names, ID
/// numbers, phones, bank cards and e-mail addresses. Names of organisations and USCCs
/// shown elsewhere are protected, so that 张伟科技有限公司 does not become 张某科技有限公司
/// and a USCC is never taken for an ID number.
struct TextRedactor: Sendable {
    private let personNames: PhraseMatcher
    private let maskedForms: [String: String]
    private let protectedPhrases: PhraseMatcher
    private let addressFragments: PhraseMatcher

    /// - Parameters:
    ///   - personNames: names to mask wherever they appear (at least two characters).
    ///   - protectedPhrases: organisation names and USCCs that are public as written.
    ///   - addressFragments: parts of home addresses below the county level.
    init(personNames: [String], protectedPhrases: [String], addressFragments: [String] = []) {
        self.addressFragments = PhraseMatcher(addressFragments)
        let names = personNames.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count >= 2 && NameMask.mask($0) != $0 }
        self.personNames = PhraseMatcher(names)
        maskedForms = Dictionary(names.map { ($0, NameMask.mask($0)) }, uniquingKeysWith: { first, _ in first })
        self.protectedPhrases = PhraseMatcher(protectedPhrases.filter { $0.count >= 2 })
    }

    /// The redacted text and the replacements made, in original offsets.
    /// - Parameter present: turns each replacement (with its rule and original) into the text
    ///   emitted; the identity except in the reviewer preview.
    func redact(
        _ text: String, overrides: [(phrase: String, replacement: String)], markdown: Bool,
        present: (RedactionRule, String, String) -> String = { _, _, replacement in replacement }
    ) -> (RedactedText, [(range: Range<Int>, rule: RedactionRule)]) {
        let scalars = Array(text.unicodeScalars)
        var detections: [Detection] = []
        // 1. Reviewer overrides win over everything, protected phrases included.
        for (phrase, replacement) in overrides {
            let phraseScalars = Array(phrase.unicodeScalars)
            guard !phraseScalars.isEmpty, phraseScalars.count <= scalars.count else { continue }
            var index = 0
            while index <= scalars.count - phraseScalars.count {
                if scalars[index..<(index + phraseScalars.count)].elementsEqual(phraseScalars) {
                    detections.append(Detection(
                        range: index..<(index + phraseScalars.count), rule: .override, replacement: replacement))
                    index += phraseScalars.count
                } else {
                    index += 1
                }
            }
        }
        // 2. Protected spans: public organisation names and USCCs.
        var protected = protectedPhrases.matches(in: scalars)
        protected += Self.usccTokens(in: scalars)
        func isProtected(_ range: Range<Int>) -> Bool {
            protected.contains { $0.overlaps(range) }
        }
        // 3. Identifiers, phones, cards, e-mail.
        for detection in FreeTextDetector.detect(in: scalars) where !isProtected(detection.range) {
            detections.append(detection)
        }
        // 4. Natural persons' names.
        for range in personNames.matches(in: scalars) where !isProtected(range) {
            let name = String(String.UnicodeScalarView(scalars[range]))
            detections.append(Detection(range: range, rule: .personName, replacement: maskedForms[name] ?? "某"))
        }
        // 5. Home addresses below the county level.
        for range in addressFragments.matches(in: scalars) {
            detections.append(Detection(range: range, rule: .address, replacement: "［详细地址已隐去］"))
        }
        // Resolve overlaps: earlier detectors win, then the longer span.
        var chosen: [Detection] = []
        for detection in detections where !chosen.contains(where: { $0.range.overlaps(detection.range) }) {
            chosen.append(detection)
        }
        chosen.sort { $0.range.lowerBound < $1.range.lowerBound }

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
