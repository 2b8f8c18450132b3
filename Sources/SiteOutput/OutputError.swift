/// A problem writing or publishing the output folder.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the path.
    public var description: String

    /// An error with its message.
    public init(_ description: String) {
        self.description = description
    }
}
