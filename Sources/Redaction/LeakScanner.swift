import CreditVocabulary
import SnapshotModel

/// Finds, in published text, values that the snapshot says must never be public: ID
/// numbers, phones, bank cards and e-mail addresses found in any field, natural persons'
/// full names and full addresses, and reviewers' override phrases. It reports where a value
/// came from, never the value itself, so that an audit log does not spread a leak.
///
/// A file is read as its text pieces (``OutputText``: references, JSON escapes decoded), each
/// through the redactor's ``NormalizedText`` (NFKC, invisible characters dropped, references and
/// percent-encoding decoded), so that a value is found in every form the redactor reads:
/// full-width, split by separators or spaces, written as references.
public struct LeakScanner: Sendable {
    /// A value found where it must not be.
    public struct Finding: Hashable, Sendable, CustomStringConvertible {
        /// What kind of value (`id_number`, `person_name`, `override`, ...).
        public var rule: String
        /// Where the value comes from in the snapshot, e.g. `subjects[S1].id_number`.
        public var origin: String

        public var description: String { "\(rule) from \(origin)" }
    }

    private var digitNeedles: [String: String] = [:]  // digits → origin
    private var textNeedles: [String: (rule: String, origin: String)] = [:]
    private let protectedPhrases: PhraseMatcher
    private var knownUSCCs = Set<String>()
    private var textMatcher = PhraseMatcher([String]())
    private var keyedNeedles: [String: (rule: String, origin: String)] = [:]
    private let contextDetector: ContextNameDetector?

    /// Collects the sensitive values of the structured fields of `snapshot`; free text is
    /// added with ``addFreeText(_:origin:markdown:)``. With `contextNames`, names after context
    /// words (联系人, 患者…) in free text are looked for too, as the redactor masks them.
    public init(snapshot: Snapshot, contextNames: Bool = true) {
        var publicNames: [String] = []
        var organisations: [String] = []
        var people: [String: String] = [:]
        for subject in snapshot.subjects {
            let origin = "subjects[\(subject.id)]"
            if subject.kind == .naturalPerson {
                people[subject.name] = origin + ".name"
            } else {
                organisations.append(subject.name)
                if let uscc = subject.uscc, IdentifierChecksumBridge.isUSCCNotID(uscc) { knownUSCCs.insert(uscc) }
                if subject.kind != .individualBusiness, let representative = subject.legalRepresentative {
                    publicNames.append(representative)
                }
            }
            if subject.kind == .individualBusiness, let name = subject.legalRepresentative {
                people[name] = origin + ".legal_representative"
            }
            if let id = subject.idNumber { digitNeedles[Self.digits(id)] = origin + ".id_number" }
            if let phone = subject.phone, Self.digits(phone).count >= 7 {
                digitNeedles[Self.digits(phone)] = origin + ".phone"
            }
            if subject.kind == .naturalPerson || subject.kind == .individualBusiness, let address = subject.address,
               CountyAddress.truncate(address) != address {
                textNeedles[address] = ("address", origin + ".address")
                for fragment in CountyAddress.belowCountyFragments(address) {
                    textNeedles[fragment] = ("address", origin + ".address")
                }
            }
        }
        for name in snapshot.namesOfInvalidSubjects { people[name] = people[name] ?? "an invalid subjects row" }
        for (name, origin) in people where name.count >= 2 && NameMask.mask(name) != name {
            textNeedles[name] = ("person_name", origin)
        }
        for override in snapshot.overrides {
            textNeedles[override.phrase] = ("override", "redaction_overrides[\(override.id)]")
        }
        let needles = textNeedles
        let personKeys = Set(people.keys.map(NormalizedText.matchKey))
        // Organisations' names and the public names of their representatives are shown as
        // written: a name found after a context word elsewhere (刘斌) inside one (刘斌秀) is
        // not a finding, as the redactor does not mask it there either.
        let publicKeys = Set(publicNames.map(NormalizedText.matchKey)).subtracting(personKeys)
        protectedPhrases = PhraseMatcher(organisations.filter { needles[$0] == nil }.map(NormalizedText.matchKey)
            + publicKeys.sorted())
        contextDetector = contextNames ? ContextNameDetector(publicNames: publicKeys) : nil
    }

    /// Adds the ID numbers, phones, cards and e-mail addresses found in one raw field.
    public mutating func addFreeText(_ text: String, origin: String, markdown: Bool = false) {
        let scalars = Array(text.unicodeScalars)
        for isMarkdown in markdown ? [true, false] : [false] {
            let view = NormalizedText(scalars, markdown: isMarkdown)
            if let contextDetector {
                let compact = view.compacted()
                for (range, _) in contextDetector.detect(in: compact.scalars) {
                    let name = String(String.UnicodeScalarView(compact.scalars[range]))
                    if textNeedles[name] == nil { textNeedles[name] = ("context_name", origin) }
                }
            }
            for detection in FreeTextDetector.detect(in: view.scalars) {
                let original = String(String.UnicodeScalarView(view.scalars[detection.range]))
                // A USCC is public, never a needle.
                if IdentifierChecksumBridge.isUSCCNotID(original) { continue }
                // The first origin of a value is kept (structured fields come first).
                if detection.rule == .email {
                    let key = original.lowercased()
                    if textNeedles[key] == nil { textNeedles[key] = ("email", origin) }
                } else {
                    let digits = Self.digits(original)
                    let key = detection.rule == .mobile && digits.count == 13 ? String(digits.dropFirst(2))
                        : detection.rule == .mobile && digits.count == 15 ? String(digits.dropFirst(4)) : digits
                    if digitNeedles[key] == nil && !knownUSCCs.contains(digits) { digitNeedles[key] = origin }
                }
            }
        }
    }

    /// Forgets an override phrase that also stands, unredacted and legitimately, in a field
    /// no override covers: it cannot tell a leak from that text.
    public mutating func allowPhrase(_ phrase: String) {
        if textNeedles[phrase]?.rule == "override" { textNeedles[phrase] = nil }
    }

    /// The override phrases it looks for.
    public var overridePhrases: [String] {
        textNeedles.filter { $0.value.rule == "override" }.map(\.key).sorted()
    }

    /// Makes the scanner ready after the last ``addFreeText(_:origin:markdown:)`` or ``allowPhrase(_:)``.
    public mutating func prepare() {
        var byKey: [String: (rule: String, origin: String)] = [:]
        for (needle, value) in textNeedles.sorted(by: { $0.key < $1.key }) {
            let key = NormalizedText.matchKey(needle)
            if !key.isEmpty, byKey[key] == nil { byKey[key] = value }
        }
        keyedNeedles = byKey
        textMatcher = PhraseMatcher(byKey.keys)
    }

    /// The names, addresses and override phrases it looks for, by matching key, with their
    /// rules and origins (for judging what a search index answers).
    public var textNeedleKeys: [(key: String, rule: String, origin: String)] {
        keyedNeedles.sorted { $0.key < $1.key }.map { ($0.key, $0.value.rule, $0.value.origin) }
    }

    /// The number needles (digits) with their origins.
    public var numberNeedles: [(digits: String, origin: String)] {
        digitNeedles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Every sensitive value in a file's bytes (call ``prepare()`` first); `names` off leaves out
    /// names, addresses and override phrases (search shards, whose terms are judged by what a
    /// query returns).
    public func scan(path: String, _ bytes: some Collection<UInt8>, names: Bool = true) -> [Finding] {
        var findings = Set<Finding>()
        OutputText.forEachPiece(of: bytes, format: OutputText.Format(path: path)) { piece in
            findings.formUnion(scan(piece: piece, names: names))
        }
        return findings.sorted { ($0.rule, $0.origin) < ($1.rule, $1.origin) }
    }

    /// Every sensitive value in `text`, read as one piece (call ``prepare()`` first).
    public func scan(_ text: String) -> [Finding] {
        scan(piece: Array(text.unicodeScalars), names: true).sorted { ($0.rule, $0.origin) < ($1.rule, $1.origin) }
    }

    private func scan(piece: [Unicode.Scalar], names: Bool) -> Set<Finding> {
        var findings = Set<Finding>()
        let view = NormalizedText(piece, markdown: false)
        let compact = view.compacted()
        if names {
            var protected = ProtectedSpans()
            for range in protectedPhrases.matches(in: compact.scalars) { protected.add(range) }
            protected.prepare()
            for range in textMatcher.matches(in: compact.scalars) {
                let key = String(String.UnicodeScalarView(compact.scalars[range]))
                guard let (rule, origin) = keyedNeedles[key] else { continue }
                if rule == "override" || rule == "email" || !protected.contains(range) {
                    findings.insert(Finding(rule: rule, origin: origin))
                }
            }
        } else {
            // E-mail addresses are values, not words: looked for in every file.
            for detection in FreeTextDetector.detectEmails(in: view.scalars) {
                let key = NormalizedText.matchKey(String(String.UnicodeScalarView(view.scalars[detection.range])))
                if let (rule, origin) = keyedNeedles[key] { findings.insert(Finding(rule: rule, origin: origin)) }
            }
        }
        for run in Self.digitRuns(view.scalars) {
            let characters = Array(run)
            for start in characters.indices {
                for length in 7...19 where start + length <= characters.count {
                    if let origin = digitNeedles[String(characters[start..<(start + length)])] {
                        findings.insert(Finding(rule: "number", origin: origin))
                    }
                }
            }
            // Any valid ID number, known or not.
            if characters.count >= 18 {
                for start in 0...(characters.count - 18) {
                    let candidate = String(characters[start..<(start + 18)])
                    if IdentifierChecksum.isValidIDNumber(candidate), IdentifierChecksum.hasPlausibleBirthDate(candidate),
                       !knownUSCCs.contains(candidate) {
                        findings.insert(Finding(rule: "id_number", origin: "a valid ID number in the output"))
                    }
                }
            }
        }
        return findings
    }

    /// The ASCII digits (and a final X) of `text`.
    static func digits(_ text: String) -> String {
        String(text.unicodeScalars.compactMap { scalar -> Character? in
            if let digit = FreeTextDetector.digit(scalar) { return Character(Unicode.Scalar(digit + 0x30)) }
            return scalar == "X" || scalar == "x" ? "X" : nil
        })
    }

    /// Runs of digits in a normalised view, with the separators the detector allows between
    /// groups (at most ``FreeTextDetector/maximumGap`` in a row) removed, and a final X kept.
    static func digitRuns(_ scalars: [Unicode.Scalar]) -> [String] {
        var runs: [String] = []
        var current = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let digit = FreeTextDetector.digit(scalar) {
                current.append(Character(Unicode.Scalar(digit + 0x30)))
                index += 1
                continue
            }
            if scalar == "X" || scalar == "x", !current.isEmpty {
                current.append("X")
                runs.append(current)
                current = ""
                index += 1
                continue
            }
            if !current.isEmpty, FreeTextDetector.isSeparator(scalar) {
                var gap = index
                while gap < scalars.count, gap - index < FreeTextDetector.maximumGap, FreeTextDetector.isSeparator(scalars[gap]) {
                    gap += 1
                }
                if gap < scalars.count, FreeTextDetector.digit(scalars[gap]) != nil,
                   !FreeTextDetector.holdsMask(scalars[index..<gap]) {
                    index = gap
                    continue
                }
            }
            if !current.isEmpty {
                runs.append(current)
                current = ""
            }
            index += 1
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
