import CreditVocabulary
import DisclosurePolicy
import SnapshotModel

extension PreviewRenderer {
    /// The banner's facts for a row.
    func status(of ref: RowRef) -> PreviewStatus {
        /// The row's review, its window, and the window it would have if approved today.
        func decisions<Row>(
            _ row: Row, _ review: WritableKeyPath<Row, Review>, _ window: (Row) -> WindowDecision
        ) -> (Review, WindowDecision, WindowDecision) {
            (row[keyPath: review], window(row), window(approvedToday(row, review)))
        }
        let facts: (Review, WindowDecision, WindowDecision)?
        switch ref.table {
        case .records:
            facts = indexes.base.records[ref.id].map { decisions($0, \.review, publicPolicy.window(for:)) }
        case .verificationReports:
            facts = indexes.base.reports[ref.id].map { decisions($0, \.review, publicPolicy.window(for:)) }
        case .commitments:
            facts = indexes.commitments[ref.id].map { decisions($0, \.review, publicPolicy.window(for:)) }
        default:
            facts = nil
        }
        let review = facts?.0
        let describe = Self.describe
        var windowText = "随所属信息公示"
        if let (review, decision, hypothetical) = facts {
            switch review.status {
            case .approved:
                windowText = describe(decision)
            case .draft, .pending:
                if case .never = hypothetical {
                    windowText = describe(hypothetical)
                } else {
                    windowText = "若于\(asOf.chinese)审核通过，" + describe(hypothetical)
                }
            case .rejected, .withdrawn:
                windowText = "不会公示：" + WithholdReason.notApproved(review.status).chinese
            }
        }
        let isPublic = publicDisclosure.shown[ref] != nil
        let today: String
        if isPublic {
            today = publicDisclosure.shown[ref]?.pendingObjection != nil ? "公众今日可见（标注“异议核实中”）" : "公众今日可见"
        } else {
            today = "公众今日不可见：" + (publicDisclosure.withheld[ref]?.chinese ?? "未公示")
        }
        return PreviewStatus(
            review: review?.status.label ?? (ref.table == .subjects ? "主体信息" : "案例信息"),
            scope: review?.scope.label, window: windowText, today: today, isPublicToday: isPublic)
    }

    /// What a window decision means for the public: the period, or why there is none.
    static func describe(_ decision: WindowDecision) -> String {
        switch decision {
        case .never(let reason): return "不会公示：" + reason.chinese
        case .window(let window):
            if window.isEmpty { return "不会公示：审核通过时公示期已届满" }
            return "公示期：\(window.start.chinese)至\(window.end.adding(days: -1).chinese)（\(window.endCause.label)）"
        }
    }

    /// What the public would see of `row` were it approved on the as-of date.
    func ifApprovedToday<Row>(_ row: Row, _ review: WritableKeyPath<Row, Review>, _ window: (Row) -> WindowDecision) -> String {
        Self.describe(window(approvedToday(row, review)))
    }

    /// `row` as it would be were it approved on the as-of date, in its own scope.
    func approvedToday<Row>(_ row: Row, _ review: WritableKeyPath<Row, Review>) -> Row {
        var approved = row
        approved[keyPath: review] = Review(status: .approved, approvedOn: asOf, scope: row[keyPath: review].scope)
        return approved
    }
}
