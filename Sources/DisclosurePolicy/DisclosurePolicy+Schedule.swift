import CreditVocabulary
import SnapshotModel

extension DisclosurePolicy {
    /// Every date on which some row's state could change: window starts and ends, objection
    /// filings and resolutions, approvals of correcting reports. Sorted, without repeats.
    /// The output can only differ between two consecutive days if the later one is listed.
    public func transitionDates(_ snapshot: Snapshot) -> [CivilDate] {
        var dates = Set<CivilDate>()
        func add(_ decision: WindowDecision) {
            if case .window(let window) = decision {
                dates.insert(window.start)
                dates.insert(window.end)
            }
        }
        snapshot.records.forEach { add(window(for: $0)) }
        snapshot.listEntries.forEach { add(window(for: $0)) }
        snapshot.commitments.forEach { add(window(for: $0)) }
        for report in snapshot.reports {
            add(window(for: report))
            if let approvedOn = report.review.approvedOn { dates.insert(approvedOn) }
        }
        for objection in snapshot.objections {
            dates.insert(objection.filedOn)
            if let resolved = objection.resolvedOn { dates.insert(resolved) }
        }
        return dates.sorted()
    }

    /// The first date after `date` on which the shown rows differ from those of `date`,
    /// or nil when nothing changes any more.
    public func nextChange(_ snapshot: Snapshot, after date: CivilDate) -> CivilDate? {
        let today = evaluate(snapshot, asOf: date).shownRows
        for candidate in transitionDates(snapshot) where candidate > date {
            if evaluate(snapshot, asOf: candidate).shownRows != today { return candidate }
        }
        return nil
    }

    /// Data errors the rules define (disclosure-rules.md §2): a record repaired before its
    /// minimum period, a black-list entry removed before its minimum period. The row still
    /// stops being shown on that day; the problem is reported as a warning.
    public func ruleWarnings(_ snapshot: Snapshot) -> [SnapshotProblem] {
        var problems: [SnapshotProblem] = []
        for record in snapshot.records {
            guard let repaired = record.repairedOn, record.severity != .minor else { continue }
            let minimum = record.severity == .serious
                ? configuration.seriousRecordMinimum : configuration.generalRecordMinimum
            let earliest = record.decidedOn.adding(minimum)
            if repaired < earliest {
                problems.append(SnapshotProblem(
                    .warning, file: snapshot.file, table: .records, rowID: record.id, column: "repaired_on",
                    "repair on \(repaired) is before the minimum period ends on \(earliest); the record stops being shown on \(repaired)"))
            }
        }
        for entry in snapshot.listEntries where entry.list == .black {
            guard let removed = entry.removedOn else { continue }
            let earliest = entry.listedOn.adding(configuration.blackListMinimum)
            if removed < earliest {
                problems.append(SnapshotProblem(
                    .warning, file: snapshot.file, table: .listEntries, rowID: entry.id, column: "removed_on",
                    "removal on \(removed) is before the minimum period ends on \(earliest)"))
            }
        }
        return problems
    }
}
