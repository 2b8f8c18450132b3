import CreditVocabulary
import Redaction

/// One search result: a page (or a list entry on a subject page) with its redacted text.
public struct SearchDocument: Sendable {
    /// What a result is, for the kind filter.
    public enum Kind: String, CaseIterable, Sendable {
        case `case`, report, record, list, commitment, subject

        /// Chinese label.
        public var label: String {
            switch self {
            case .case: return "失信案例"
            case .report: return "核查报告"
            case .record: return "信用记录"
            case .list: return "名单信息"
            case .commitment: return "信用承诺"
            case .subject: return "信用主体"
            }
        }
    }

    /// The kind.
    public var kind: Kind
    /// Link relative to the site root (`records/R1/`, `subjects/X/#L1`).
    public var path: String
    /// Result title.
    public var title: String
    /// Date that orders results (newest first) and gives the year filter.
    public var date: CivilDate
    /// Province-level regions, for the region filter.
    public var regions: [String]
    /// The list, for list entries.
    public var list: ListKind?
    /// Everything searchable, one line per field.
    public var text: String
    /// A subject's name and USCC: a query matching them ranks the subject first.
    public var name: String?

    /// A document made only of publishable text; `title` is a page title (built from
    /// redacted values by the page factory).
    public init(
        kind: Kind, path: String, title: String, date: CivilDate, regions: [String], list: ListKind? = nil,
        name: [(any PublishableText)?] = [], texts: [(any PublishableText)?]
    ) {
        self.kind = kind
        self.path = path
        self.title = title
        self.date = date
        self.regions = regions
        self.list = list
        self.text = texts.compactMap { $0.map { $0.isMarkdownSource ? Self.plain($0.publishableValue) : $0.publishableValue } }
            .joined(separator: "\n")
        let names = name.compactMap { $0?.publishableValue }
        self.name = names.isEmpty ? nil : names.joined(separator: "\n")
    }

    /// Markdown source as plain text for the index and snippets: markup characters go, a
    /// backslash-escaped one is the character itself (a mask's `\*\*\*\*` reads `****`, not
    /// nothing, so `w\*\*\*@example.com` never becomes an address).
    static func plain(_ markdown: String) -> String {
        var result = ""
        var escaped = false
        for character in markdown {
            if escaped {
                if !character.isASCII || !(character.isPunctuation || character.isSymbol) { result.append("\\") }
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if !"*_#>`|~[]".contains(character) {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }
}
