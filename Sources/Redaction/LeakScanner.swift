import CreditVocabulary
import SnapshotModel

/// Finds, in published text, values that the snapshot says must never be public: ID
/// numbers, phones, bank cards and e-mail addresses found in any field, natural persons'
/// full names and full addresses, and reviewers' override phrases. It reports where a value
/// came from, never the value itself, so that an audit log does not spread a leak.
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

    /// Collects the sensitive values of the structured fields of `snapshot`; free text is
    /// added with ``addFreeText(_:origin:)``.
    public init(snapshot: Snapshot) {
        var organisations: [String] = []
        var people: [String: String] = [:]
        for subject in snapshot.subjects {
            let origin = "subjects[\(subject.id)]"
            if subject.kind == .naturalPerson {
                people[subject.name] = origin + ".name"
            } else {
                organisations.append(subject.name)
                if let uscc = subject.uscc { knownUSCCs.insert(uscc) }
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
        protectedPhrases = PhraseMatcher(organisations.filter { needles[$0] == nil })
    }

    /// Adds the ID numbers, phones, cards and e-mail addresses found in one raw field.
    public mutating func addFreeText(_ text: String, origin: String) {
        let scalars = Array(text.unicodeScalars)
        let protected = protectedPhrases.matches(in: scalars) + TextRedactor.usccTokens(in: scalars)
        for detection in FreeTextDetector.detect(in: scalars) where !protected.contains(where: { $0.overlaps(detection.range) }) {
            let original = String(String.UnicodeScalarView(scalars[detection.range]))
            // The first origin of a value is kept (structured fields come first).
            if detection.rule == .email {
                if textNeedles[original] == nil { textNeedles[original] = ("email", origin) }
            } else {
                let digits = Self.digits(original)
                let key = detection.rule == .mobile && digits.count == 13 ? String(digits.dropFirst(2)) : digits
                if digitNeedles[key] == nil { digitNeedles[key] = origin }
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

    /// Makes the scanner ready after the last ``addFreeText(_:origin:)`` or ``allowPhrase(_:)``.
    public mutating func prepare() {
        textMatcher = PhraseMatcher(textNeedles.keys)
    }

    /// Every sensitive value in `text` (call ``prepare()`` first).
    public func scan(_ text: String) -> [Finding] {
        var findings = Set<Finding>()
        let scalars = Array(text.unicodeScalars)
        let protected = protectedPhrases.matches(in: scalars)
        for range in textMatcher.matches(in: scalars) {
            let needle = String(String.UnicodeScalarView(scalars[range]))
            guard let (rule, origin) = textNeedles[needle] else { continue }
            if rule == "override" || !protected.contains(where: { $0.overlaps(range) }) {
                findings.insert(Finding(rule: rule, origin: origin))
            }
        }
        let digits = Self.digitRuns(scalars)
        for run in digits {
            let characters = Array(run)
            for start in characters.indices {
                for length in 7...19 where start + length <= characters.count {
                    if let origin = digitNeedles[String(characters[start..<(start + length)])] {
                        findings.insert(Finding(rule: "number", origin: origin))
                    }
                }
            }
            // Any valid ID number, known or not.
            if run.count >= 17 {
                let characters = Array(run)
                for start in 0...(characters.count - 17) where characters.count - start >= 18 {
                    let candidate = String(characters[start..<(start + 18)])
                    if IdentifierChecksum.isValidIDNumber(candidate), IdentifierChecksum.hasPlausibleBirthDate(candidate),
                       !knownUSCCs.contains(candidate) {
                        findings.insert(Finding(rule: "id_number", origin: "a valid ID number in the output"))
                    }
                }
            }
        }
        return findings.sorted { ($0.rule, $0.origin) < ($1.rule, $1.origin) }
    }

    /// The ASCII digits (and a final X) of `text`.
    static func digits(_ text: String) -> String {
        String(text.unicodeScalars.compactMap { scalar -> Character? in
            if let digit = FreeTextDetector.digit(scalar) { return Character(Unicode.Scalar(digit + 0x30)) }
            return scalar == "X" || scalar == "x" ? "X" : nil
        })
    }

    /// Runs of digits in `scalars`, with spaces and dashes between digits removed.
    static func digitRuns(_ scalars: [Unicode.Scalar]) -> [String] {
        var runs: [String] = []
        var current = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let digit = FreeTextDetector.digit(scalar) {
                current.append(Character(Unicode.Scalar(digit + 0x30)))
            } else if (scalar == "X" || scalar == "x"), !current.isEmpty {
                current.append("X")
                runs.append(current)
                current = ""
            } else if [" ", "-", "\u{A0}", "\u{3000}"].contains(scalar), !current.isEmpty,
                      index + 1 < scalars.count, FreeTextDetector.digit(scalars[index + 1]) != nil {
                // a separator inside a number
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
            index += 1
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
