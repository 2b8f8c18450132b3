/// A publication that did not finish: what failed, and what the host holds now.
public struct PublishError: Error, CustomStringConvertible, Sendable {
    /// The message, naming the command or the path.
    public var description: String

    /// An error with its message.
    public init(_ description: String) {
        self.description = description
    }
}
