import Messages

/// A problem with the site folder (`site.toml`, `content/`, `layouts/`).
public struct SiteFolderError: Error, CustomStringConvertible, Sendable, LocalizedText {
    /// What is wrong.
    public var message: Message
    /// The file it is in (nil: `site.toml`, before the folder's path is known).
    public var file: String?
    /// The line of `file` it is on, when known.
    public var line: Int?
    /// The `site.toml` key it is about (`policy.periods.x`), for the message to give its line.
    public var key: String?

    /// An error saying `message` of `file`, about `key` when it is one key's.
    public init(_ message: Message, file: String? = nil, line: Int? = nil, key: String? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.key = key
    }

    /// `FILE: line N: MESSAGE [code]` in `language`.
    public func text(in language: MessageLanguage) -> String {
        let file = file ?? "site.toml"
        let place = line.map { Message("site_place_line", ["file": file, "line": "\($0)"]).text(in: language) } ?? file
        return place + language.separator + message.coded(in: language)
    }

    /// ``text(in:)`` in the process's language.
    public var description: String { text(in: .current) }

    /// `unknown key 'KEY'`, about that key (so that its line is named).
    static func unknownKey(_ key: String) -> SiteFolderError {
        SiteFolderError(Message("site_unknown_key", ["key": key]), key: key)
    }
}
