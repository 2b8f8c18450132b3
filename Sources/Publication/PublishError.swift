import Messages

/// A publication that did not finish: what failed, and what the host holds now.
public struct PublishError: Error, CustomStringConvertible, Sendable, LocalizedText {
    /// The message, naming the command or the path.
    public var message: Message

    /// An error saying `message`.
    public init(_ message: Message) {
        self.message = message
    }

    /// An error whose words come from elsewhere (a child command's own output), as they are.
    public init(_ description: String) {
        self.message = Message("publish_detail", ["detail": description])
    }

    public func text(in language: MessageLanguage) -> String { message.coded(in: language) }

    public var description: String { text(in: .current) }
}
