/// Something in the output folder that must not be published.
public struct AuditFinding: Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the output folder.
    public var file: String
    /// What is wrong (naming where the value comes from, never the value).
    public var problem: String

    public var description: String { "\(file): \(problem)" }
}
