import CreditVocabulary

/// Where each kind of page lives (site.md, "Output layout"); all paths end in `/`.
public enum SitePaths {
    /// A case page.
    public static func `case`(_ segment: String) -> String { "cases/\(segment)/" }
    /// A report page.
    public static func report(_ segment: String) -> String { "reports/\(segment)/" }
    /// A record page.
    public static func record(_ segment: String) -> String { "records/\(segment)/" }
    /// A subject page.
    public static func subject(_ slug: String) -> String { "subjects/\(slug)/" }
    /// A commitment page.
    public static func commitment(_ segment: String) -> String { "commitments/\(segment)/" }
    /// Page `page` (1-based) of a paginated listing under `base` (e.g. `lists/black/`).
    public static func paginated(_ base: String, page: Int) -> String {
        page <= 1 ? base : "\(base)page/\(page)/"
    }
    /// A list's first page.
    public static func list(_ kind: ListKind) -> String { "lists/\(kind.rawValue)/" }
    /// A list's download in `format` (a file, not a folder): `lists/black/black.csv`.
    public static func listDownload(_ kind: ListKind, format: ListDownload.Format) -> String {
        list(kind) + ListDownload.fileName(kind, format: format)
    }
    /// The page that explains the downloads' columns.
    public static let dataDictionary = "data/"

    /// `../` once per folder of `path` (a folder path ending in `/`).
    public static func rootPrefix(for path: String) -> String {
        let depth = path.split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
