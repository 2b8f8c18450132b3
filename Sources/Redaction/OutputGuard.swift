/// The last check of a build: before a file enters the staged site, every piece of text it
/// shows or carries (``OutputText``) is read through the same normalised view and the same
/// detectors as the redactor's. A hit that is not already masked means the redactor was
/// bypassed or wrong, and the build must publish nothing.
///
/// Defence in depth, so it errs towards silence where a page's own structure looks like a
/// number: digits glued to ASCII letters (a keyed slug `p-3f9…`, a hash) are not judged, nor are
/// values the site's operators wrote (an office's own telephone on the objection page), nor the
/// terms of the search index's `h/` shards for names (a pair of characters there is not
/// text; `gongshi audit` judges those by what a query returns), nor their prefix terms
/// (`^…`: prefixes of words judged whole).
public struct OutputGuard: Sendable {
    /// A value found where it must not be: the rule, never the value.
    public struct Finding: Hashable, Sendable, CustomStringConvertible {
        /// The file, relative to the site root.
        public var file: String
        /// What it looks like.
        public var rule: RedactionRule
        /// The row whose page it is, when the file is a row's page (`records[R1]`).
        public var row: String?

        public var description: String {
            "\(file): holds what looks like \(rule.label) [\(rule.rawValue)]" + (row.map { "（\($0)）" } ?? "")
        }
    }

    let redactor: TextRedactor
    /// Normalised values of operator-written text the detectors would otherwise report.
    let allowed: Set<String>

    /// The check of files whose text comes from `redactor` and from `operatorTexts`.
    init(redactor: TextRedactor, operatorTexts: [String]) {
        self.redactor = redactor
        var allowed = Set<String>()
        for text in operatorTexts {
            let view = NormalizedText(Array(text.unicodeScalars), markdown: true)
            for detection in FreeTextDetector.detect(in: view.scalars) {
                allowed.insert(Self.value(view.scalars[detection.range], rule: detection.rule))
            }
            let plain = NormalizedText(text)
            for detection in FreeTextDetector.detect(in: plain.scalars) {
                allowed.insert(Self.value(plain.scalars[detection.range], rule: detection.rule))
            }
        }
        self.allowed = allowed
    }

    /// What a detection is compared by: its digits for numbers, its text for the rest.
    static func value(_ scalars: ArraySlice<Unicode.Scalar>, rule: RedactionRule) -> String {
        switch rule {
        case .idNumber, .mobile, .landline, .bankCard:
            var digits = String.UnicodeScalarView()
            for scalar in scalars where FreeTextDetector.digit(scalar) != nil || scalar == "X" || scalar == "x" {
                digits.append(scalar == "x" ? "X" : scalar)
            }
            return String(digits)
        default:
            return String(String.UnicodeScalarView(scalars)).lowercased()
        }
    }

    /// The findings in one file.
    public func check(_ path: String, _ bytes: some Collection<UInt8>) -> [Finding] {
        let isShard = path.hasPrefix("search/h/")
        var rules = Set<RedactionRule>()
        OutputText.forEachPiece(of: bytes, format: OutputText.Format(path: path)) { piece in
            // A prefix term (`^9135010219900`) is a prefix of a word of the same shard's index,
            // judged whole as its own term: its first fifteen digits alone would read as an
            // old-style ID number.
            if isShard && piece.first == "^" { return }
            for rule in findings(in: piece, names: !isShard) { rules.insert(rule) }
        }
        let row = Self.row(of: path)
        return rules.sorted().map { Finding(file: path, rule: $0, row: row) }
    }

    /// The rules that find something unmasked in one piece of text.
    func findings(in piece: [Unicode.Scalar], names: Bool) -> [RedactionRule] {
        guard names ? Self.mayHold(piece) : Self.mayHoldNumberOrAddress(piece) else { return [] }
        let view = NormalizedText(piece, markdown: false)
        let (numbers, names) = redactor.unprotectedDetections(in: view, names: names)
        var rules = names
        for detection in numbers where !Self.isGluedToLetters(view.scalars, detection.range)
            && !allowed.contains(Self.value(view.scalars[detection.range], rule: detection.rule)) {
            rules.append(detection.rule)
        }
        return rules
    }

    /// Whether a piece can hold anything the detectors find: some digit or `@`, something
    /// outside ASCII (names, full-width forms), or a reference or escape that may decode to one.
    static func mayHold(_ piece: [Unicode.Scalar]) -> Bool {
        var digits = 0
        for scalar in piece {
            switch scalar.value {
            case 0x30...0x39:
                digits += 1
                if digits >= 7 { return true }
            case 0x40, 0x26, 0x25: return true
            case 0x80...: return true
            default: break
            }
        }
        return false
    }

    /// Whether a piece can hold a number or an e-mail address (a search shard's term, where
    /// names are not judged): seven digits of any form the view folds to ASCII digits, or a
    /// character that an address or a reference or escape starts with.
    static func mayHoldNumberOrAddress(_ piece: [Unicode.Scalar]) -> Bool {
        var digits = 0
        for scalar in piece {
            switch scalar.value {
            case 0x30...0x39, 0xFF10...0xFF19, 0x1D7CE...0x1D7FF:
                digits += 1
                if digits >= 7 { return true }
            case 0x40, 0x26, 0x25, 0xFF20, 0xFE6B, 0xFF06, 0xFF05: return true
            default: break
            }
        }
        return false
    }

    /// Whether the detection at `range` of `view` is part of a token of ASCII letters, digits,
    /// `-` and `_` that holds a letter outside it (slugs, hashes, file names).
    static func isGluedToLetters(_ view: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        func isTokenPart(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F: return true
            default: return false
            }
        }
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
        }
        var index = range.lowerBound - 1
        while index >= 0, range.lowerBound - index <= 64, isTokenPart(view[index]) {
            if isLetter(view[index]) { return true }
            index -= 1
        }
        index = range.upperBound
        while index < view.count, index - range.upperBound < 64, isTokenPart(view[index]) {
            if isLetter(view[index]) { return true }
            index += 1
        }
        return false
    }

    /// `records[R1]` for `records/R1/index.html`, and the like.
    static func row(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[2] == "index.html", parts[1] != "page" else { return nil }
        let tables = ["records": "records", "reports": "verification_reports", "cases": "cases",
                      "commitments": "commitments", "subjects": "subjects"]
        return tables[String(parts[0])].map { "\($0)[\(parts[1])]" }
    }
}

extension Redactor {
    /// The last check for the files of a build made with this redactor; `operatorTexts` are the
    /// site folder's texts, published as written.
    public func outputGuard(allowing operatorTexts: [String]) -> OutputGuard {
        OutputGuard(redactor: textRedactor, operatorTexts: operatorTexts)
    }
}
