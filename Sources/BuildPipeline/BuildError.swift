import SnapshotModel

/// Why a build did not publish anything. The previous output is untouched in every case.
public enum BuildError: Error, CustomStringConvertible {
    /// The snapshot has errors that withholding rows cannot contain.
    case unpublishableSnapshot([SnapshotProblem])

    public var description: String {
        switch self {
        case .unpublishableSnapshot(let problems):
            let lines = problems.map { "  \($0)" }.joined(separator: "\n")
            return "the snapshot cannot be published:\n\(lines)"
        }
    }
}
