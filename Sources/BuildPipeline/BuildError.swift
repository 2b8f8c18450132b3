import Messages
import Redaction
import SnapshotModel

/// Why a build did not publish anything. The previous output is untouched in every case.
public enum BuildError: Error, CustomStringConvertible, LocalizedText {
    /// The snapshot has errors that withholding rows cannot contain.
    case unpublishableSnapshot([SnapshotProblem])
    /// The audit of the new site found data that must not be published.
    case auditFailed([String])
    /// The last check of a file found what looks like personal data in it: the redactor was
    /// bypassed or wrong.
    case personalDataInOutput([OutputGuard.Finding])

    /// What failed, then each problem on a line of its own, in `language`.
    public func text(in language: MessageLanguage) -> String {
        let (heading, lines): (Message, [String]) = switch self {
        case .unpublishableSnapshot(let problems): (Message("snapshot_unpublishable"), problems.map { $0.text(in: language) })
        case .auditFailed(let findings): (Message("audit_failed_build", ["count": "\(findings.count)"]), findings)
        case .personalDataInOutput(let findings): (Message("personal_data_in_output"), findings.map(\.description))
        }
        return ([heading.coded(in: language)] + lines.map { "  " + $0 }).joined(separator: "\n")
    }

    public var description: String { text(in: .current) }
}
