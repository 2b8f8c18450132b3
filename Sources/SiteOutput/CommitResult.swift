/// What publishing a staging folder did.
public struct CommitResult: Hashable, Sendable {
    /// Files new in this build.
    public var added: [String]
    /// Files whose bytes changed.
    public var changed: [String]
    /// Files no longer there.
    public var removed: [String]
    /// Files with the same bytes: the published copy was kept (same inode, same mtime).
    public var unchanged: Int

    /// Whether the published folder was left exactly as it was.
    public var isUnchanged: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
}
