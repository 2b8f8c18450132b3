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
        rows.subjects = Self.kept(snapshot.subjects) { isShown(.subjects, $0.id) }
        rows.cases = Self.kept(snapshot.cases) { isShown(.cases, $0.id) }
        rows.caseSubjects = Self.kept(snapshot.caseSubjects) {
            isShown(.cases, $0.caseID) && isShown(.subjects, $0.subjectID)
        }
        // A report that a shown report corrects is kept (not shown): the correction's page
        // names it (disclosure-rules §2).
        let corrected = Set(snapshot.reports.compactMap { isShown(.verificationReports, $0.id) ? $0.supersedes : nil })
        rows.reports = Self.kept(snapshot.reports) { isShown(.verificationReports, $0.id) || corrected.contains($0.id) }
        rows.records = Self.kept(snapshot.records) { isShown(.records, $0.id) }
        rows.listEntries = Self.kept(snapshot.listEntries) { isShown(.listEntries, $0.id) }
        rows.commitments = Self.kept(snapshot.commitments) { isShown(.commitments, $0.id) }
        rows.rectifications = Self.kept(snapshot.rectifications) { isShown(.rectifications, $0.id) }
        rows.interviews = Self.kept(snapshot.interviews) { isShown(.interviews, $0.id) }
        rows.repairActions = Self.kept(snapshot.repairActions) { isShown(.repairActions, $0.id) }
        rows.namesOfInvalidSubjects = snapshot.namesOfInvalidSubjects
        return rows
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
