import SnapshotModel

/// A snapshot that cannot be read at all: not a file, not SQLite, wrong format or version,
/// missing tables or columns. Carries one problem naming the file, table and column.
public struct SnapshotOpenError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var problem: SnapshotProblem

    /// Wraps a problem.
    public init(_ problem: SnapshotProblem) {
        self.problem = problem
    }

    public var description: String { problem.description }
}
