import SnapshotModel

/// What ``SnapshotReader/read()`` found: the usable rows and every problem.
public struct SnapshotReading: Sendable {
    /// The rows that passed validation.
    public var snapshot: Snapshot
    /// Every error and warning, sorted by table, row and column.
    public var problems: [SnapshotProblem]

    /// Errors that withholding rows cannot contain: the snapshot must not be published.
    public var blockingErrors: [SnapshotProblem] {
        problems.filter { $0.severity == .error && !$0.isIsolated }
    }

    /// Errors of single rows, each withheld from the build.
    public var rowErrors: [SnapshotProblem] {
        problems.filter { $0.severity == .error && $0.isIsolated }
    }

    /// Warnings.
    public var warnings: [SnapshotProblem] {
        problems.filter { $0.severity == .warning }
    }
}
