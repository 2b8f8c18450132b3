import CreditVocabulary
import SnapshotModel

extension DisclosurePolicy {
    /// Applies every rule to every row for one day, including the cascade: children of a
    /// hidden record, list entries and commitments pointing at it, cases without a shown
    /// report and subjects with nothing shown are all withheld.
    public func evaluate(_ snapshot: Snapshot, asOf date: CivilDate) -> Disclosure {
        var result = Disclosure(asOf: date, audience: audience)
        // Every row ends up in one of the two tables: room for half of them in each spares
        // most of the rehashing of two tables growing to hundreds of thousands of entries.
        let rows = snapshot.subjects.count + snapshot.cases.count + snapshot.reports.count + snapshot.records.count
            + snapshot.listEntries.count + snapshot.commitments.count + snapshot.rectifications.count
            + snapshot.interviews.count + snapshot.repairActions.count + snapshot.invalidRows.count
        result.shown.reserveCapacity(rows / 2)
        result.withheld.reserveCapacity(rows / 2)
        for (ref, message) in snapshot.invalidRows {
            result.withheld[ref] = .invalid(message)
        }
        let objections = Dictionary(grouping: snapshot.objections) { objection -> RowRef in
            switch objection.target {
            case .records: return RowRef(.records, objection.targetID)
            case .listEntries: return RowRef(.listEntries, objection.targetID)
            case .verificationReports: return RowRef(.verificationReports, objection.targetID)
            }
        }
        let validSubjects = Set(snapshot.subjects.map(\.id))
        let validCases = Set(snapshot.cases.map(\.id))

        /// Records a row's fate: the window status, then dependencies, then objections.
        func decide(_ ref: RowRef, _ decision: WindowDecision, dependsOn parents: [RowRef?]) {
            if result.withheld[ref] != nil { return }
            switch status(decision, on: date) {
            case .failure(let reason):
                result.withheld[ref] = reason
            case .success(let window):
                for case let parent? in parents where result.shown[parent] == nil {
                    result.withheld[ref] = .dependsOnHidden(parent)
                    return
                }
                var shown = Disclosure.Shown(window: window, pendingObjection: nil)
                for objection in objections[ref] ?? [] where objection.filedOn <= date {
                    let resolved = objection.resolvedOn.map { $0 <= date } ?? false
                    if objection.status == .upheld && resolved {
                        result.withheld[ref] = .objectionUpheld(objectionID: objection.id)
                        return
                    }
                    let pending = objection.status == .pending || !resolved
                    if pending {
                        if configuration.objectionMode == .suspend {
                            result.withheld[ref] = .objectionPending(objectionID: objection.id)
                            return
                        }
                        shown.pendingObjection = shown.pendingObjection ?? objection.id
                    }
                }
                result.shown[ref] = shown
            }
        }
        /// Marks a pseudo-parent (subject or case) as shown so that `decide` can check it.
        func presence(_ ref: RowRef, valid: Bool) {
            if valid { result.shown[ref] = Disclosure.Shown(window: nil, pendingObjection: nil) }
        }

        // Parents that are only checked for validity first; pruned at the end.
        for id in validSubjects { presence(RowRef(.subjects, id), valid: true) }
        for id in validCases { presence(RowRef(.cases, id), valid: true) }

        let supersededBy: [String: String] = snapshot.reports.reduce(into: [:]) { map, report in
            guard let old = report.supersedes, report.review.status == .approved,
                  let approvedOn = report.review.approvedOn, approvedOn <= date else { return }
            map[old] = map[old].map { min($0, report.id) } ?? report.id
        }
        for report in snapshot.reports {
            let ref = RowRef(.verificationReports, report.id)
            if let newer = supersededBy[report.id], reviewReason(report.review) == nil {
                result.withheld[ref] = .superseded(by: newer)
                continue
            }
            decide(ref, window(for: report), dependsOn: [RowRef(.cases, report.caseID)])
        }
        for record in snapshot.records {
            decide(RowRef(.records, record.id), window(for: record), dependsOn: [RowRef(.subjects, record.subjectID)])
        }
        for entry in snapshot.listEntries {
            decide(RowRef(.listEntries, entry.id), window(for: entry),
                   dependsOn: [RowRef(.subjects, entry.subjectID), entry.recordID.map { RowRef(.records, $0) }])
        }
        for commitment in snapshot.commitments {
            decide(RowRef(.commitments, commitment.id), window(for: commitment),
                   dependsOn: [RowRef(.subjects, commitment.subjectID), commitment.recordID.map { RowRef(.records, $0) }])
        }
        func child(_ table: SnapshotTable, _ id: String, record: String, scope: Scope = .public) {
            let ref = RowRef(table, id)
            if result.withheld[ref] != nil { return }
            if scope == .internal && audience == .public {
                result.withheld[ref] = .internalScope
            } else if result.shown[RowRef(.records, record)] == nil {
                result.withheld[ref] = .dependsOnHidden(RowRef(.records, record))
            } else {
                result.shown[ref] = Disclosure.Shown(window: nil, pendingObjection: nil)
            }
        }
        for row in snapshot.rectifications { child(.rectifications, row.id, record: row.recordID) }
        for row in snapshot.interviews { child(.interviews, row.id, record: row.recordID, scope: row.scope) }
        for row in snapshot.repairActions { child(.repairActions, row.id, record: row.recordID) }

        // Cases exist on the site while one of their reports is shown.
        var casesWithReport = Set<String>()
        for report in snapshot.reports where result.shown[RowRef(.verificationReports, report.id)] != nil {
            casesWithReport.insert(report.caseID)
        }
        for id in validCases where !casesWithReport.contains(id) {
            result.shown[RowRef(.cases, id)] = nil
            result.withheld[RowRef(.cases, id)] = .noVisibleReport
        }
        // Subjects exist on the site while something about them is shown.
        var subjectsWithRows = Set<String>()
        for record in snapshot.records where result.shown[RowRef(.records, record.id)] != nil {
            subjectsWithRows.insert(record.subjectID)
        }
        for entry in snapshot.listEntries where result.shown[RowRef(.listEntries, entry.id)] != nil {
            subjectsWithRows.insert(entry.subjectID)
        }
        for commitment in snapshot.commitments where result.shown[RowRef(.commitments, commitment.id)] != nil {
            subjectsWithRows.insert(commitment.subjectID)
        }
        for link in snapshot.caseSubjects where casesWithReport.contains(link.caseID) {
            subjectsWithRows.insert(link.subjectID)
        }
        for id in validSubjects where !subjectsWithRows.contains(id) {
            result.shown[RowRef(.subjects, id)] = nil
            result.withheld[RowRef(.subjects, id)] = .nothingVisible
        }
        return result
    }
}
