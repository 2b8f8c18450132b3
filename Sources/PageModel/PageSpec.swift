/// One page to render: where it goes, with which template, and the values it shows.
public struct PageSpec {
    /// Output path relative to the site root, e.g. `records/R1/index.html`.
    public let path: String
    /// Template name, e.g. `record`.
    public let template: String
    /// The template's values: strings, booleans, arrays and dictionaries only, all made
    /// from redacted or operator text.
    public let context: [String: Any]
    /// The page title (for the feed and the sitemap).
    public let title: String
}
