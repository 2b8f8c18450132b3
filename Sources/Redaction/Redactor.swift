import CreditVocabulary
import SnapshotModel
import StableDigest

/// Turns raw snapshot rows into publishable ones. The only producer of ``RedactedText``
/// and of the `Public…` row types, so that rendering code can never see a raw value.
///
/// One redactor serves one snapshot; it is immutable and safe to use from many threads.
public struct Redactor: Sendable {
    let textRedactor: TextRedactor
    private let slugs: [String: String]
    private let overrides: [RowRef: [String: [(phrase: String, replacement: String)]]]
    /// Whether replacements are marked and their originals kept (reviewer preview only).
    public let isPreview: Bool
    /// Whether names after context words (联系人, 患者…) are masked.
    public let masksContextNames: Bool
    /// The SHA-256 of everything the redactor took from the whole snapshot and the site:
    /// name and address lists, protected phrases, slugs and overrides. Two redactors with the
    /// same fingerprint redact every row the same way.
    public let fingerprint: [UInt8]

    /// The names the public may read though they are people's (legal persons'
    /// representatives), as match keys; kept by a preview redactor only, whose doubt marks
    /// leave them alone.
    public let publicNameKeys: Set<String>

    /// What ``fingerprint`` is the digest of.
    private struct Inputs: Encodable {
        var people: [String]
        var protected: [String]
        var addresses: [String]
        var slugs: [[String]]
        var overrides: [[String]]
        var preview: Bool
        var contextNames: Bool
        var publicNames: [String]
        /// Raised when what the detectors find changes (the normalised view, its rules).
        var detectors = 2
    }

    /// Prepares the name lists, slugs and overrides of `snapshot`.
    /// - Parameters:
    ///   - slugKey: the site's secret for natural persons' slugs.
    ///   - preview: mark each replacement and keep its original in the log, for the
    ///     reviewer preview. A public build never sets it.
    ///   - contextNames: mask names the snapshot does not know after context words
    ///     (联系人, 患者…; `privacy.mask_context_names` in site.toml).
    public init(snapshot: Snapshot, slugKey: [UInt8], preview: Bool = false, contextNames: Bool = true) {
        self.init(source: Source(snapshot), slugKey: slugKey, preview: preview, contextNames: contextNames)
    }

    /// Prepares the name lists, slugs and overrides of the snapshot `source` was taken from.
    public init(source snapshot: Source, slugKey: [UInt8], preview: Bool = false, contextNames: Bool = true) {
        isPreview = preview
        masksContextNames = contextNames
        var personNames: [String] = snapshot.namesOfInvalidSubjects
        var organisationNames: [String] = []
        var publicNames: [String] = []
        var addressFragments: [String] = []
        for subject in snapshot.subjects {
            if subject.kind == .naturalPerson || subject.kind == .individualBusiness, let address = subject.address {
                addressFragments += CountyAddress.belowCountyFragments(address)
            }
            switch subject.kind {
            case .naturalPerson:
                personNames.append(subject.name)
            case .individualBusiness:
                organisationNames.append(subject.name)
                if let operatorName = subject.legalRepresentative { personNames.append(operatorName) }
            case .legalPerson, .unincorporated:
                organisationNames.append(subject.name)
                if let representative = subject.legalRepresentative { publicNames.append(representative) }
            }
            if subject.kind != .naturalPerson, let uscc = subject.uscc, Self.isPublicUSCC(uscc) {
                organisationNames.append(uscc)
            }
        }
        let people = Set(personNames.map { $0.trimmingCharacters(in: .whitespaces) })
        let personKeys = Set(people.map(NormalizedText.matchKey))
        let protected = organisationNames.filter { !personKeys.contains(NormalizedText.matchKey($0)) }
        publicNameKeys = preview ? Set(publicNames.map(NormalizedText.matchKey)) : []
        textRedactor = TextRedactor(
            personNames: Array(people).sorted(), protectedPhrases: protected, addressFragments: addressFragments,
            publicNames: publicNames, contextNames: contextNames)

        var slugs: [String: String] = [:]
        var usedUSCCs = Set<String>()
        for subject in snapshot.subjects {
            if subject.kind != .naturalPerson, let uscc = subject.uscc, Self.isPublicUSCC(uscc),
               !usedUSCCs.contains(uscc) {
                usedUSCCs.insert(uscc)
                slugs[subject.id] = uscc
            } else {
                slugs[subject.id] = PublicPath.keyedSlug(forSubjectID: subject.id, key: slugKey)
            }
        }
        self.slugs = slugs

        var overrides: [RowRef: [String: [(phrase: String, replacement: String)]]] = [:]
        for override in snapshot.overrides {
            let replacement = override.replacement ?? Self.defaultMark(for: override.reason)
            overrides[override.target, default: [:]][override.field, default: []].append((override.phrase, replacement))
        }
        for key in overrides.keys {
            for field in overrides[key]!.keys {
                // Longer phrases first, so that a phrase inside another is not left half-hidden.
                overrides[key]![field]!.sort { $0.phrase.count > $1.phrase.count }
            }
        }
        self.overrides = overrides
        fingerprint = StableDigest.of(Inputs(
            people: Array(people).sorted(), protected: protected, addresses: addressFragments,
            slugs: slugs.sorted { $0.key < $1.key }.map { [$0.key, $0.value] },
            overrides: snapshot.overrides.map {
                [$0.target.table.rawValue, $0.target.id, $0.field, $0.phrase, $0.replacement ?? Self.defaultMark(for: $0.reason)]
            },
            preview: preview, contextNames: contextNames, publicNames: publicNames.sorted()))
    }

    /// Whether a subject's `uscc` is a public identifier: a USCC whose GB 32100 checksum
    /// verifies and that is not also a valid ID number with a real birth date. Anything else
    /// is never a slug nor protected from the detectors (the validator withholds the subject).
    static func isPublicUSCC(_ uscc: String) -> Bool {
        IdentifierChecksumBridge.isUSCCNotID(uscc)
    }

    /// What of a snapshot a redactor is made from: the subjects, the names of invalid
    /// subjects and the overrides (the initialiser sees nothing else). Holding a source, not a
    /// snapshot, also leaves the snapshot's other arrays singly referenced, so that the
    /// validator changes them in place instead of copying them.
    public struct Source: Sendable {
        let subjects: [SubjectRow]
        let namesOfInvalidSubjects: [String]
        let overrides: [RedactionOverrideRow]

        /// The parts of `snapshot` a redactor reads (sharing their storage).
        public init(_ snapshot: Snapshot) {
            subjects = snapshot.subjects
            namesOfInvalidSubjects = snapshot.namesOfInvalidSubjects
            overrides = snapshot.overrides
        }

        /// Whether a redactor made from this redacts as one made from `snapshot` would.
        /// Arrays that share storage compare at once.
        public func matches(_ snapshot: Snapshot) -> Bool {
            subjects == snapshot.subjects && namesOfInvalidSubjects == snapshot.namesOfInvalidSubjects
                && overrides == snapshot.overrides
        }
    }

    /// The mark an override's reason puts in place of the phrase.
    public static func defaultMark(for reason: OverrideReason) -> String {
        switch reason {
        case .tradeSecret: return "［商业秘密已隐去］"
        case .personalData: return "［个人信息已隐去］"
        case .stateSecret: return "［国家秘密已隐去］"
        case .other: return "［已隐去］"
        }
    }

    /// The slug of a subject's page.
    public func subjectSlug(_ subjectID: String) -> String {
        slugs[subjectID] ?? PublicPath.segment(forRowID: subjectID)
    }

    /// The path segment of a row's page.
    public func path(_ rowID: String) -> String {
        PublicPath.segment(forRowID: rowID)
    }

    /// Redacts one field of one row, logging each replacement.
    public func text(
        _ value: String, row: RowRef, field: String, markdown: Bool = false, log: inout RedactionLog
    ) -> RedactedText {
        let preview = isPreview
        let (text, replacements) = textRedactor.redact(
            value, overrides: overrides[row]?[field] ?? [], markdown: markdown
        ) { rule, original, replacement in
            guard preview else { return replacement }
            return log.mark(PreviewReplacement(row: row, field: field, rule: rule, original: original, replacement: replacement),
                            shown: replacement)
        }
        for replacement in replacements {
            log.append(RedactionEvent(
                row: row, field: field, rule: replacement.rule, offset: replacement.range.lowerBound,
                length: replacement.range.count))
        }
        return text
    }

    /// Redacts an optional field; nil and empty stay nil.
    public func text(
        _ value: String?, row: RowRef, field: String, markdown: Bool = false, log: inout RedactionLog
    ) -> RedactedText? {
        guard let value, !value.isEmpty else { return nil }
        let redacted: RedactedText = text(value, row: row, field: field, markdown: markdown, log: &log)
        return redacted
    }

    /// A structured value replaced whole by a rule (masked name, county address).
    func replaced(
        _ original: String, by replacement: String, rule: RedactionRule, row: RowRef, field: String,
        log: inout RedactionLog
    ) -> RedactedText {
        log.append(RedactionEvent(row: row, field: field, rule: rule, offset: 0, length: original.unicodeScalars.count))
        let shown = isPreview
            ? log.mark(PreviewReplacement(row: row, field: field, rule: rule, original: original, replacement: replacement),
                       shown: replacement)
            : replacement
        return RedactedText(value: shown, isMarkdown: false)
    }

    /// Logs a structured field that is never shown.
    func hidden(_ value: String?, row: RowRef, field: String, log: inout RedactionLog) {
        guard let value, !value.isEmpty else { return }
        log.append(RedactionEvent(row: row, field: field, rule: .hiddenField, offset: 0, length: value.unicodeScalars.count))
        if isPreview {
            _ = log.mark(PreviewReplacement(row: row, field: field, rule: .hiddenField, original: value, replacement: ""), shown: "")
        }
    }
}
