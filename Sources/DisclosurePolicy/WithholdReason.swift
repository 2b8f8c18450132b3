import CreditVocabulary
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
    case invalid(String)
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

    /// In Chinese, for the reviewer preview.
    public var chinese: String {
        switch self {
        case .notApproved(let status): return "审核状态为“\(status.label)”，未审核通过的信息不予公示"
        case .internalScope: return "不宜公开，仅在政务内部共享"
        case .notPublishable(let why): return why
        case .notYetOpen(let date): return "公示期自\(date.chinese)开始"
        case .windowClosed(let date, let cause): return "已于\(date.chinese)停止公示（\(cause.label)）"
        case .emptyWindow: return "审核通过时公示期已届满"
        case .objectionPending(let id): return "异议（\(id)）核实中，暂不披露"
        case .objectionUpheld(let id): return "异议（\(id)）成立，不予公示"
        case .superseded(let id): return "已被更正报告（\(id)）替代"
        case .commitmentWithdrawn: return "承诺已撤回"
        case .dependsOnHidden(let ref): return "所属信息（\(ref.chineseDescription)）未公示"
        case .invalid(let message): return "数据有误：\(message)"
        case .noVisibleReport: return "案例暂无公示中的核查报告"
        case .nothingVisible: return "该主体暂无公示中的信息"
        }
    }

    public var description: String {
        switch self {
        case .notApproved(let status): return "review status is \(status.rawValue)"
        case .internalScope: return "internal scope (不宜公开)"
        case .notPublishable(let why): return "not published: \(why)"
        case .notYetOpen(let date): return "window opens on \(date)"
        case .windowClosed(let date, let cause): return "window closed on \(date) (\(cause.rawValue))"
        case .emptyWindow: return "approved after its window ended"
        case .objectionPending(let id): return "objection \(id) pending (暂不披露)"
        case .objectionUpheld(let id): return "objection \(id) upheld"
        case .superseded(let id): return "superseded by verification_reports[\(id)]"
        case .commitmentWithdrawn: return "commitment withdrawn"
        case .dependsOnHidden(let ref): return "\(ref) is not shown"
        case .invalid(let message): return "invalid row: \(message)"
        case .noVisibleReport: return "no verification report of the case is shown"
        case .nothingVisible: return "nothing about the subject is shown"
        }
    }
}
