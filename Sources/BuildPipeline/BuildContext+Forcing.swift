import DisclosurePolicy
import SnapshotModel

extension BuildContext {
    /// Whether row `id` of `table` is shown (or forced, in a preview).
    func isShown(_ table: SnapshotTable, _ id: String) -> Bool {
        disclosure.isShown(table, id) || (!forced.isEmpty && forced[RowRef(table, id)] != nil)
    }

    /// How row `id` of `table` is shown (or forced), if it is.
    func shownRow(_ table: SnapshotTable, _ id: String) -> Disclosure.Shown? {
        disclosure.shown(table, id) ?? (forced.isEmpty ? nil : forced[RowRef(table, id)])
    }

    /// This context with `rows` shown as well, whatever the policy says (the reviewer
    /// preview's row and its relatives): each row not shown yet is marked shown and added,
    /// once, to the indexes it belongs to, in a copy that shares the rest. `position` finds a row's place in its
    /// table. Costs what the rows cost, not what the snapshot does, so that a preview of one
    /// row does not rebuild the indexes of a million.
    func showing(_ rows: [RowRef], position: (RowRef) -> Int32?) -> BuildContext {
        var context = self
        for ref in rows where !context.isShown(ref.table, ref.id) {
            context.forced[ref] = Disclosure.Shown(window: nil, pendingObjection: nil)
            guard let place = position(ref) else { continue }
            let index = Int(place)
            switch ref.table {
            case .records:
                let row = snapshot.records[index]
                context.recordsByReport.add(place, key: row.reportID)
                context.recordsBySubject.add(place, key: row.subjectID)
            case .verificationReports:
                context.reportsByCase.add(place, key: snapshot.reports[index].caseID)
            case .listEntries:
                context.entriesBySubject.add(place, key: snapshot.listEntries[index].subjectID)
            case .commitments:
                context.commitmentsBySubject.add(place, key: snapshot.commitments[index].subjectID)
            case .rectifications:
                context.rectificationsByRecord.add(place, key: snapshot.rectifications[index].recordID)
            case .interviews:
                context.interviewsByRecord.add(place, key: snapshot.interviews[index].recordID)
            case .repairActions:
                context.repairsByRecord.add(place, key: snapshot.repairActions[index].recordID)
            default:
                break
            }
        }
        // A forced case or subject: its links to shown (or forced) rows.
        let forcedLinks = rows.filter { ($0.table == .cases || $0.table == .subjects) && disclosure.shown[$0] == nil }
        if !forcedLinks.isEmpty {
            let ids = Set(forcedLinks.map(\.id))
            for link in snapshot.caseSubjects where ids.contains(link.caseID) || ids.contains(link.subjectID) {
                guard context.isShown(.cases, link.caseID), context.isShown(.subjects, link.subjectID) else { continue }
                if !(context.casesBySubject[link.subjectID] ?? []).contains(link.caseID) { context.casesBySubject[link.subjectID, default: []].append(link.caseID) }
                if !(context.subjectsByCase[link.caseID] ?? []).contains(link.subjectID) { context.subjectsByCase[link.caseID, default: []].append(link.subjectID) }
            }
        }
        return context
    }
}
