import DisclosurePolicy
import SnapshotModel

/// What a reviewer preview finds rows with, made once per snapshot version: the context of
/// the shown rows (its indexes hold only what the policy shows), and every row by id and by
/// the row it belongs to, shown or not, so that a page forcing a draft and its relatives is
/// a few lookups and a patched copy of the context (``BuildContext/showing(_:position:)``)
/// rather than indexes rebuilt over the whole snapshot.
struct PreviewIndexes: Sendable {
    /// The context of the rows the internal audience sees.
    let base: BuildContext
    let commitments: RowsByID<CommitmentRow>
    let listEntries: RowsByID<ListEntryRow>
    let rectifications: RowsByID<RectificationRow>
    let interviews: RowsByID<InterviewRow>
    let repairs: RowsByID<RepairActionRow>
    /// Every list entry of a subject, shown or not.
    let entriesBySubject: RowGroups<ListEntryRow>
    /// Every rectification, interview and repair of a record, shown or not.
    let rectificationsByRecord: RowGroups<RectificationRow>
    let interviewsByRecord: RowGroups<InterviewRow>
    let repairsByRecord: RowGroups<RepairActionRow>

    init(base: BuildContext) {
        self.base = base
        let snapshot = base.snapshot
        commitments = RowsByID(snapshot.commitments, id: \.id)
        listEntries = RowsByID(snapshot.listEntries, id: \.id)
        rectifications = RowsByID(snapshot.rectifications, id: \.id)
        interviews = RowsByID(snapshot.interviews, id: \.id)
        repairs = RowsByID(snapshot.repairActions, id: \.id)
        entriesBySubject = RowGroups(snapshot.listEntries, where: { _ in true }, by: \.subjectID)
        rectificationsByRecord = RowGroups(snapshot.rectifications, where: { _ in true }, by: \.recordID)
        interviewsByRecord = RowGroups(snapshot.interviews, where: { _ in true }, by: \.recordID)
        repairsByRecord = RowGroups(snapshot.repairActions, where: { _ in true }, by: \.recordID)
    }

    /// Where row `ref` stands in its table.
    func position(_ ref: RowRef) -> Int32? {
        switch ref.table {
        case .records: return base.records.position(ref.id)
        case .verificationReports: return base.reports.position(ref.id)
        case .cases: return base.cases.position(ref.id)
        case .subjects: return base.subjects.position(ref.id)
        case .commitments: return commitments.position(ref.id)
        case .listEntries: return listEntries.position(ref.id)
        case .rectifications: return rectifications.position(ref.id)
        case .interviews: return interviews.position(ref.id)
        case .repairActions: return repairs.position(ref.id)
        default: return nil
        }
    }

    /// The context of a page where `forced` rows are shown whatever their state.
    func context(forcing forced: [RowRef]) -> BuildContext {
        base.showing(forced, position: position)
    }
}
