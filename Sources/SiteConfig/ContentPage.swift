import Redaction

/// A Markdown page of `content/`, published at `NAME/index.html`.
public struct ContentPage: Sendable {
    /// The file name without `.md`; the page's path segment.
    public var name: String
    /// The title: the first `# ` heading, else the name.
    public var title: SiteText
    /// The Markdown source.
    public var body: SiteText
}
