import SnapshotModel

/// Why a build did not publish anything. The previous output is untouched in every case.
public enum BuildError: Error, CustomStringConvertible {
    /// The snapshot has errors that withholding rows cannot contain.
    case unpublishableSnapshot([SnapshotProblem])
    /// The audit of the new site found data that must not be published.
    case auditFailed([String])

    public var description: String {
        switch self {
        case .unpublishableSnapshot(let problems):
            let lines = problems.map { "  \($0)" }.joined(separator: "\n")
            return "the snapshot cannot be published:\n\(lines)"
        case .auditFailed(let findings):
            return "the audit of the new site found \(findings.count) problems:\n" + findings.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
