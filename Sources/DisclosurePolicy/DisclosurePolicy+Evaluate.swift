import CreditVocabulary
import SnapshotModel

extension DisclosurePolicy {
    /// Applies every rule to every row for one day, including the cascade: children of a
    /// hidden record, list entries and commitments pointing at it, cases without a shown
    /// report and subjects with nothing shown are all withheld.
    public func evaluate(_ snapshot: Snapshot, asOf date: CivilDate) -> Disclosure {
        evaluate(snapshot, asOf: date, into: Disclosure(asOf: date, audience: audience))
    }

    /// Which rows are shown on `date`, and nothing else: what comparing two days needs
    /// (``nextChange(_:after:current:transitions:)``, ``lastChange(_:onOrBefore:current:transitions:)``),
    /// in under half the memory of ``evaluate(_:asOf:)``'s windows and reasons.
    public func shownRows(_ snapshot: Snapshot, asOf date: CivilDate) -> ShownRowSet {
        var rows = evaluate(snapshot, asOf: date, into: ShownRowSet())
        rows.forgetWithheld()
        return rows
    }

    /// The rules applied to every row, the decisions going to `result`.
    func evaluate<Table: DecisionTable>(_ snapshot: Snapshot, asOf date: CivilDate, into result: Table) -> Table {
        var result = result
        // Every row ends up in one of the two tables: room for half of them in each spares
        // most of the rehashing of two tables growing to hundreds of thousands of entries.
        let rows = snapshot.subjects.count + snapshot.cases.count + snapshot.reports.count + snapshot.records.count
            + snapshot.listEntries.count + snapshot.commitments.count + snapshot.rectifications.count
            + snapshot.interviews.count + snapshot.repairActions.count + snapshot.invalidRows.count
        result.reserveCapacity(rows / 2)
        for (ref, message) in snapshot.invalidRows {
            result.withhold(ref, .invalid(message))
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
            if result.isWithheld(ref) { return }
            switch status(decision, on: date) {
            case .failure(let reason):
                result.withhold(ref, reason)
            case .success(let window):
                for case let parent? in parents where !result.isShown(parent) {
                    result.withhold(ref, .dependsOnHidden(parent))
                    return
                }
                var shown = Disclosure.Shown(window: window, pendingObjection: nil)
                for objection in objections[ref] ?? [] where objection.filedOn <= date {
                    let resolved = objection.resolvedOn.map { $0 <= date } ?? false
                    if objection.status == .upheld && resolved {
                        result.withhold(ref, .objectionUpheld(objectionID: objection.id))
                        return
                    }
                    let pending = objection.status == .pending || !resolved
                    if pending {
                        if configuration.objectionMode == .suspend {
                            result.withhold(ref, .objectionPending(objectionID: objection.id))
                            return
                        }
                        shown.pendingObjection = shown.pendingObjection ?? objection.id
                    }
                }
                result.show(ref, shown)
            }
        }
        /// Marks a pseudo-parent (subject or case) as shown so that `decide` can check it.
        func presence(_ ref: RowRef, valid: Bool) {
            if valid { result.show(ref, Disclosure.Shown(window: nil, pendingObjection: nil)) }
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
                result.withhold(ref, .superseded(by: newer))
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
            if result.isWithheld(ref) { return }
            if scope == .internal && audience == .public {
                result.withhold(ref, .internalScope)
            } else if !result.isShown(RowRef(.records, record)) {
                result.withhold(ref, .dependsOnHidden(RowRef(.records, record)))
            } else {
                result.show(ref, Disclosure.Shown(window: nil, pendingObjection: nil))
            }
        }
        for row in snapshot.rectifications { child(.rectifications, row.id, record: row.recordID) }
        for row in snapshot.interviews { child(.interviews, row.id, record: row.recordID, scope: row.scope) }
        for row in snapshot.repairActions { child(.repairActions, row.id, record: row.recordID) }

        // Cases exist on the site while one of their reports is shown.
        var casesWithReport = Set<String>()
        for report in snapshot.reports where result.isShown(RowRef(.verificationReports, report.id)) {
            casesWithReport.insert(report.caseID)
        }
        for id in validCases where !casesWithReport.contains(id) {
            result.unshow(RowRef(.cases, id))
            result.withhold(RowRef(.cases, id), .noVisibleReport)
        }
        // Subjects exist on the site while something about them is shown.
        var subjectsWithRows = Set<String>()
        for record in snapshot.records where result.isShown(RowRef(.records, record.id)) {
            subjectsWithRows.insert(record.subjectID)
        }
        for entry in snapshot.listEntries where result.isShown(RowRef(.listEntries, entry.id)) {
            subjectsWithRows.insert(entry.subjectID)
        }
        for commitment in snapshot.commitments where result.isShown(RowRef(.commitments, commitment.id)) {
            subjectsWithRows.insert(commitment.subjectID)
        }
        for link in snapshot.caseSubjects where casesWithReport.contains(link.caseID) {
            subjectsWithRows.insert(link.subjectID)
        }
        for id in validSubjects where !subjectsWithRows.contains(id) {
            result.unshow(RowRef(.subjects, id))
            result.withhold(RowRef(.subjects, id), .nothingVisible)
        }
        return result
    }
}
