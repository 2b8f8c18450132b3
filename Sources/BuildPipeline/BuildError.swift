import Redaction
import SnapshotModel

/// Why a build did not publish anything. The previous output is untouched in every case.
public enum BuildError: Error, CustomStringConvertible {
    /// The snapshot has errors that withholding rows cannot contain.
    case unpublishableSnapshot([SnapshotProblem])
    /// The audit of the new site found data that must not be published.
    case auditFailed([String])
    /// The last check of a file found what looks like personal data in it: the redactor was
    /// bypassed or wrong.
    case personalDataInOutput([OutputGuard.Finding])

    public var description: String {
        switch self {
        case .unpublishableSnapshot(let problems):
            let lines = problems.map { "  \($0)" }.joined(separator: "\n")
            return "the snapshot cannot be published:\n\(lines)"
        case .auditFailed(let findings):
            return "the audit of the new site found \(findings.count) problems:\n" + findings.map { "  \($0)" }.joined(separator: "\n")
        case .personalDataInOutput(let findings):
            return "nothing was published: the last check found what looks like personal data that was not masked "
                + "(the value is not repeated here):\n" + findings.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
