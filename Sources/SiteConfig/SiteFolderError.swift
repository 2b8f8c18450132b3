/// A problem with the site folder (`site.toml`, `content/`, `layouts/`).
public struct SiteFolderError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the file.
    public var description: String

    /// An error with its message.
    public init(_ description: String) {
        self.description = description
    }
}
