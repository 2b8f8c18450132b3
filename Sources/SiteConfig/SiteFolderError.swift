/// A problem with the site folder (`site.toml`, `content/`, `layouts/`).
public struct SiteFolderError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the file.
    public var description: String
    /// The `site.toml` key it is about (`policy.periods.x`), for the message to give its line.
    public var key: String?

    /// An error with its message, about `key` when it is one key's.
    public init(_ description: String, key: String? = nil) {
        self.description = description
        self.key = key
    }

    /// `site.toml: unknown key 'KEY'`, about that key (so that its line is named).
    static func unknownKey(_ key: String) -> SiteFolderError {
        SiteFolderError("site.toml: unknown key '\(key)'", key: key)
    }
}
