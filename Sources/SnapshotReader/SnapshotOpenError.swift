import Messages
import SnapshotModel

/// A snapshot that cannot be read at all: not a file, not SQLite, wrong format or version,
/// missing tables or columns. Carries one problem naming the file, table and column.
public struct SnapshotOpenError: Error, CustomStringConvertible, Sendable {
    /// What is wrong (the first problem).
    public var problem: SnapshotProblem
    /// Further problems found at the same time (every missing table and column is named at
    /// once, so that an export is fixed in one round).
    public var more: [SnapshotProblem]

    /// Wraps a problem, and any found with it.
    public init(_ problem: SnapshotProblem, more: [SnapshotProblem] = []) {
        self.problem = problem
        self.more = more
    }

    public var description: String { text(in: .current) }
}

extension SnapshotOpenError: LocalizedText {
    /// Every problem, one a line, in `language`.
    public func text(in language: MessageLanguage) -> String {
        ([problem] + more).map { $0.text(in: language) }.joined(separator: "\n")
    }
}
