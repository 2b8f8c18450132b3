import CreditVocabulary
import Messages
import SnapshotModel

/// Why a row is not on the site for a given audience and day.
public enum WithholdReason: Error, Hashable, Sendable, CustomStringConvertible {
    /// The row is not approved (draft, pending, rejected, withdrawn).
    case notApproved(ReviewStatus)
    /// 不宜公开: internal scope in a public build.
    case internalScope
    /// Never published under the rules: minor severity, simplified procedure, warning only.
    case notPublishable(String)
    /// The window has not opened yet.
    case notYetOpen(opensOn: CivilDate)
    /// The window closed.
    case windowClosed(on: CivilDate, DisclosureWindow.EndCause)
    /// The window is empty (approved after its end).
    case emptyWindow
    /// A pending objection suspends the row (暂不披露).
    case objectionPending(objectionID: String)
    /// An objection was upheld: the disputed information is not shown.
    case objectionUpheld(objectionID: String)
    /// A newer approved report corrects this one.
    case superseded(by: String)
    /// The commitment was withdrawn.
    case commitmentWithdrawn
    /// A row this one belongs to or depends on is not shown.
    case dependsOnHidden(RowRef)
    /// The row failed validation (see `gongshi check`).
    case invalid(SnapshotProblem)
    /// A case with no visible verification report is not shown.
    case noVisibleReport
    /// A subject with no visible row has no page.
    case nothingVisible

    /// A short code for reports and the schedule.
    public var code: String {
        switch self {
        case .notApproved: return "not_approved"
        case .internalScope: return "internal_scope"
        case .notPublishable: return "not_publishable"
        case .notYetOpen: return "not_yet_open"
        case .windowClosed(_, let cause): return cause.rawValue
        case .emptyWindow: return "empty_window"
        case .objectionPending: return "objection_pending"
        case .objectionUpheld: return "objection_upheld"
        case .superseded: return "superseded"
        case .commitmentWithdrawn: return "commitment_withdrawn"
        case .dependsOnHidden: return "depends_on_hidden"
        case .invalid: return "invalid_row"
        case .noVisibleReport: return "no_visible_report"
        case .nothingVisible: return "nothing_visible"
        }
    }

    /// What the reason says, from the message catalogue.
    public var message: Message {
        switch self {
        case .notApproved(let status): return Message("reason_not_approved", ["label": status.label, "status": status.rawValue])
        case .internalScope: return Message("reason_internal_scope")
        case .notPublishable(let why): return Message("reason_not_publishable", ["why": why])
        case .notYetOpen(let date): return Message("reason_not_yet_open", ["date": date.chinese, "iso": date.iso])
        case .windowClosed(let date, let cause):
            return Message("reason_window_closed", ["date": date.chinese, "iso": date.iso, "label": cause.label, "cause": cause.rawValue])
        case .emptyWindow: return Message("reason_empty_window")
        case .objectionPending(let id): return Message("reason_objection_pending", ["id": id])
        case .objectionUpheld(let id): return Message("reason_objection_upheld", ["id": id])
        case .superseded(let id): return Message("reason_superseded", ["id": id])
        case .commitmentWithdrawn: return Message("reason_commitment_withdrawn")
        case .dependsOnHidden(let ref): return Message("reason_depends_on_hidden", ["name": ref.chineseDescription, "ref": "\(ref)"])
        case .invalid(let problem):
            func said(_ language: MessageLanguage) -> String {
                (problem.place.isEmpty ? "" : problem.place + language.separator) + problem.message.coded(in: language)
            }
            return Message("reason_invalid", ["problem": said(.chinese), "problem_en": said(.english)])
        case .noVisibleReport: return Message("reason_no_visible_report")
        case .nothingVisible: return Message("reason_nothing_visible")
        }
    }

    /// In Chinese, for the reviewer preview.
    public var chinese: String { message.text(in: .chinese) }

    /// In English, for reports.
    public var description: String { message.text(in: .english) }
}
