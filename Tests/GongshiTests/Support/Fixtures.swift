import CreditVocabulary
import Foundation
import SnapshotModel

/// Builders of in-memory rows for the pure tests.
enum Fixtures {
    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    static let meta = SnapshotMeta(
        format: "credit-disclosure-snapshot", version: "1", exportedAt: "2026-01-01T00:00:00+08:00",
        source: "测试平台", regionCode: "350100")

    static func approved(_ iso: String, scope: Scope = .public) -> Review {
        Review(status: .approved, approvedOn: date(iso), scope: scope)
    }

    static func subject(_ id: String = "S1", kind: SubjectKind = .legalPerson, name: String = "测试有限公司") -> SubjectRow {
        SubjectRow(id: id, kind: kind, name: name)
    }

    static func record(
        _ id: String = "R1", subject: String = "S1", severity: Severity = .general, decided: String = "2026-01-31",
        approved: String? = nil, procedure: Procedure? = .ordinary, penalties: [PenaltyType] = [.fine],
        publishUntil: String? = nil, repaired: String? = nil, revoked: String? = nil, scope: Scope = .public,
        status: ReviewStatus = .approved
    ) -> RecordRow {
        RecordRow(
            id: id, subjectID: subject, kind: .administrativePenalty, severity: severity, procedure: procedure,
            penaltyTypes: penalties, decidedOn: date(decided), authority: "测试局",
            publishUntil: publishUntil.map(date), repairedOn: repaired.map(date), revokedOn: revoked.map(date),
            review: Review(status: status, approvedOn: status == .approved ? date(approved ?? decided) : nil, scope: scope))
    }

    static func snapshot(
        subjects: [SubjectRow] = [subject()], records: [RecordRow] = [], build: (inout Snapshot) -> Void = { _ in }
    ) -> Snapshot {
        var snapshot = Snapshot(file: "test.sqlite", meta: meta)
        snapshot.subjects = subjects
        snapshot.records = records
        build(&snapshot)
        return snapshot
    }
}
