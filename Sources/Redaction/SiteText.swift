/// Text written by the site's operators (`site.toml`, `content/`), published as written.
/// It never comes from a snapshot: the build only makes one from the site folder.
public struct SiteText: Hashable, Sendable, CustomStringConvertible {
    /// The text (Markdown source for content pages).
    public let value: String

    /// Text the operator wrote in the site folder.
    public init(operatorAuthored value: String) {
        self.value = value
    }

    public var description: String { value }
}
