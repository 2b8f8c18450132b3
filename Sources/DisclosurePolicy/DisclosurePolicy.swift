import CreditVocabulary
import SnapshotModel

/// The disclosure rules of disclosure-rules.md §1-§2 as pure functions: no I/O, no clock.
public struct DisclosurePolicy: Sendable {
    /// The site's choices.
    public var configuration: PolicyConfiguration
    /// Public or internal build.
    public var audience: Audience

    /// A policy for an audience.
    public init(configuration: PolicyConfiguration = PolicyConfiguration(), audience: Audience = .public) {
        self.configuration = configuration
        self.audience = audience
    }

    /// Why the review state keeps a row from this audience, or nil when it does not.
    public func reviewReason(_ review: Review) -> WithholdReason? {
        guard review.status == .approved, review.approvedOn != nil else { return .notApproved(review.status) }
        if review.scope == .internal && audience == .public { return .internalScope }
        return nil
    }

    /// The window of a record, or why it is never shown.
    public func window(for record: RecordRow) -> WindowDecision {
        if record.severity == .minor { return .never(.notPublishable("轻微失信行为不予公示")) }
        if record.procedure == .simplified { return .never(.notPublishable("简易程序作出的行政处罚不予公示")) }
        if !record.penaltyTypes.isEmpty && record.penaltyTypes.allSatisfy({ $0 == .warning }) {
            return .never(.notPublishable("仅受到警告的行政处罚不予公示"))
        }
        if let reason = reviewReason(record.review) { return .never(reason) }
        let period = record.severity == .serious ? configuration.seriousRecordPeriod : configuration.generalRecordPeriod
        return .window(DisclosureWindow.make(
            start: record.decidedOn, approvedOn: record.review.approvedOn!, end: record.decidedOn.adding(period),
            cause: .periodEnded,
            earlierEnds: [(record.publishUntil, .publishUntil), (record.repairedOn, .repaired),
                          (record.revokedOn, .revoked)]))
    }

    /// The window of a list entry, or why it is never shown.
    public func window(for entry: ListEntryRow) -> WindowDecision {
        if let reason = reviewReason(entry.review) { return .never(reason) }
        let (end, cause): (CivilDate, DisclosureWindow.EndCause) = entry.validUntil.map { ($0, .validUntil) }
            ?? (entry.listedOn.adding(configuration.defaultPeriod(of: entry.list)), .periodEnded)
        return .window(DisclosureWindow.make(
            start: entry.listedOn, approvedOn: entry.review.approvedOn!, end: end, cause: cause,
            earlierEnds: [(entry.removedOn, .removedFromList)]))
    }

    /// The window of a commitment, or why it is never shown.
    public func window(for commitment: CommitmentRow) -> WindowDecision {
        if let reason = reviewReason(commitment.review) { return .never(reason) }
        if commitment.status == .withdrawn { return .never(.commitmentWithdrawn) }
        let (end, cause): (CivilDate, DisclosureWindow.EndCause) = commitment.validUntil.map { ($0, .validUntil) }
            ?? (commitment.madeOn.adding(configuration.commitmentPeriod), .periodEnded)
        return .window(DisclosureWindow.make(
            start: commitment.madeOn, approvedOn: commitment.review.approvedOn!, end: end, cause: cause,
            earlierEnds: []))
    }

    /// The window of a verification report, or why it is never shown.
    public func window(for report: ReportRow) -> WindowDecision {
        if let reason = reviewReason(report.review) { return .never(reason) }
        let approvedOn = report.review.approvedOn!
        return .window(DisclosureWindow(
            start: approvedOn, end: approvedOn.adding(configuration.reportPeriod), endCause: .periodEnded))
    }

    /// Where a row with `decision` stands on `date`: shown in its window, or withheld.
    func status(_ decision: WindowDecision, on date: CivilDate) -> Result<DisclosureWindow, WithholdReason> {
        switch decision {
        case .never(let reason):
            return .failure(reason)
        case .window(let window):
            if window.isEmpty { return .failure(.emptyWindow) }
            if date < window.start { return .failure(.notYetOpen(opensOn: window.start)) }
            if date >= window.end { return .failure(.windowClosed(on: window.end, window.endCause)) }
            return .success(window)
        }
    }
}
