import Messages

/// A problem writing or publishing the output folder.
public struct OutputError: Error, CustomStringConvertible, Sendable, LocalizedText {
    /// What went wrong, naming the path.
    public var message: Message

    /// An error saying `message`.
    public init(_ message: Message) {
        self.message = message
    }

    /// An error of gongshi's own making (a failpoint, a broken invariant), in English only.
    public init(_ description: String) {
        self.message = Message("output_detail", ["detail": description])
    }

    /// `path: cannot be written (errno N)`.
    static func notWritten(_ path: String, errno: Int32) -> OutputError {
        OutputError(Message("path_not_written", ["path": path, "cause": "errno \(errno)"]))
    }

    public func text(in language: MessageLanguage) -> String { message.coded(in: language) }

    public var description: String { text(in: .current) }
}
