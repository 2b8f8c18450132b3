import SnapshotModel

extension Disclosure {
    /// The rows of `snapshot` that pages are made from, once the policy, the redactor and the
    /// schedule have seen every row: those this outcome shows.
    ///
    /// A national snapshot withholds most of its rows (three records in four in the
    /// benchmark's), so holding only the shown ones for the rest of the build frees hundreds
    /// of megabytes; and a page can then not even look up a withheld row by mistake.
    /// A `case_subjects` link is kept while its case and its subject are shown, and a report
    /// that a shown report corrects is kept, not shown, for its title. Objections,
    /// redaction overrides and the invalid rows, which only the policy and the redactor read,
    /// are left out; the names of invalid subjects are kept. Arrays are sized exactly and
    /// keep their order.
    public func shownSnapshot(of snapshot: Snapshot) -> Snapshot {
        var rows = Snapshot(file: snapshot.file, meta: snapshot.meta)
        rows.subjects = keepingShown(snapshot.subjects, of: .subjects, id: \.id)
        rows.cases = keepingShown(snapshot.cases, of: .cases, id: \.id)
        rows.caseSubjects = Self.kept(snapshot.caseSubjects) {
            isShown(.cases, $0.caseID) && isShown(.subjects, $0.subjectID)
        }
        // A report that a shown report corrects is kept (not shown): the correction's page
        // names it (disclosure-rules §2).
        let corrected = Set(snapshot.reports.compactMap { isShown(.verificationReports, $0.id) ? $0.supersedes : nil })
        rows.reports = Self.kept(snapshot.reports) { isShown(.verificationReports, $0.id) || corrected.contains($0.id) }
        rows.records = keepingShown(snapshot.records, of: .records, id: \.id)
        rows.listEntries = keepingShown(snapshot.listEntries, of: .listEntries, id: \.id)
        rows.commitments = keepingShown(snapshot.commitments, of: .commitments, id: \.id)
        rows.rectifications = keepingShown(snapshot.rectifications, of: .rectifications, id: \.id)
        rows.interviews = keepingShown(snapshot.interviews, of: .interviews, id: \.id)
        rows.repairActions = keepingShown(snapshot.repairActions, of: .repairActions, id: \.id)
        rows.namesOfInvalidSubjects = snapshot.namesOfInvalidSubjects
        return rows
    }

    /// Takes the reasons for the withheld rows out, for the report, and leaves the shown rows
    /// alone in a table of their own size: the policy made room for every row of the
    /// snapshot, and a national build shows two in five (the table was a tenth of its
    /// memory, half of it empty).
    public mutating func takeWithheld() -> [RowRef: WithholdReason] {
        let reasons = withheld
        withheld = [:]
        var compact = [RowRef: Shown](minimumCapacity: shown.count)
        for (ref, how) in shown { compact[ref] = how }
        shown = compact
        return reasons
    }

    /// The rows of `rows`, all of `table`, that this outcome shows, in order: `rows` itself,
    /// uncopied, when all are shown.
    public func keepingShown<Row>(_ rows: [Row], of table: SnapshotTable, id: (Row) -> String) -> [Row] {
        Self.kept(rows) { isShown(table, id($0)) }
    }

    /// The rows that pass `keep`, in order, in an array of exactly their number (a filtered
    /// array grown by doubling can hold twice the room it needs); `rows` itself when all pass.
    static func kept<Row>(_ rows: [Row], _ keep: (Row) -> Bool) -> [Row] {
        let passes = rows.map(keep)
        let count = passes.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard count < rows.count else { return rows }
        var result: [Row] = []
        result.reserveCapacity(count)
        for (row, pass) in zip(rows, passes) where pass { result.append(row) }
        return result
    }
}
