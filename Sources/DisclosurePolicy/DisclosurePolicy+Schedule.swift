import CreditVocabulary
import Messages
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

    /// Every day in `from...through` on which the shown rows differ from the day before, with
    /// what changes. Builds, `next_change` and `gongshi schedule` all use this, so they cannot
    /// disagree.
    ///
    /// `dayBefore`, when given, is the evaluation of the day before `from`, which spares one;
    /// `transitions`, when given, is `transitionDates(snapshot)`.
    public func schedule(
        _ snapshot: Snapshot, from: CivilDate, through: CivilDate, limit: Int = .max, dayBefore: Disclosure? = nil,
        transitions: [CivilDate]? = nil
    ) -> [ScheduledChange] {
        let candidates = (transitions ?? transitionDates(snapshot)).filter { $0 >= from && $0 <= through }
        var changes: [ScheduledChange] = []
        var previousDay: CivilDate? = dayBefore == nil ? nil : from.adding(days: -1)
        var previous: Disclosure? = dayBefore
        for day in candidates {
            // Nothing changes between two transition dates, so the state of the day before a
            // candidate is the state of the previous candidate.
            let before: Disclosure
            if let previous, let previousDay, previousDay < day {
                before = previous
            } else {
                before = evaluate(snapshot, asOf: day.adding(days: -1))
            }
            let after = evaluate(snapshot, asOf: day)
            let appearing = after.shown.keys.filter { before.shown[$0] == nil }.sorted()
            let disappearing = before.shown.keys.filter { after.shown[$0] == nil }.sorted()
            if !appearing.isEmpty || !disappearing.isEmpty {
                changes.append(ScheduledChange(
                    date: day,
                    appearing: appearing.map { .init(ref: $0, reason: before.withheld[$0] ?? .nothingVisible) },
                    disappearing: disappearing.map { .init(ref: $0, reason: after.withheld[$0] ?? .nothingVisible) }))
                if changes.count >= limit { break }
            }
            previous = after
            previousDay = day
        }
        return changes
    }

    /// The first date after `date` on which the output changes, or nil when nothing will.
    /// `current`, when given, is `evaluate(snapshot, asOf: date)`, which spares evaluating it again.
    ///
    /// The same days as ``schedule(_:from:through:limit:dayBefore:transitions:)`` finds, but
    /// each day is only the set of its shown rows (``shownRows(_:asOf:)``): a build works this
    /// out beside its pages, where a second full evaluation of a national snapshot cost a
    /// quarter of a gigabyte.
    public func nextChange(
        _ snapshot: Snapshot, after date: CivilDate, current: Disclosure? = nil, transitions: [CivilDate]? = nil
    ) -> CivilDate? {
        let transitions = transitions ?? transitionDates(snapshot)
        // Nothing changes between two transition dates, so the day before a candidate looks
        // like the candidate before it, or like `date` for the first.
        var before: Known?
        for day in transitions where day > date {
            let after = shownRows(snapshot, asOf: day)
            if !sameRows(after, as: before ?? current.map(Known.outcome) ?? .day(day.adding(days: -1)), snapshot) {
                return day
            }
            before = .rows(after)
        }
        return nil
    }

    /// The last date on or before `date` on which the output changed (the site's 更新日期),
    /// or nil when it never did. `current`, when given, is `evaluate(snapshot, asOf: date)`.
    /// Each day is only the set of its shown rows, as for ``nextChange(_:after:current:transitions:)``.
    public func lastChange(
        _ snapshot: Snapshot, onOrBefore date: CivilDate, current: Disclosure? = nil, transitions: [CivilDate]? = nil
    ) -> CivilDate? {
        // Nothing changes between two transition dates, so the state on a candidate is the
        // state on `date` for the latest one, and the state the day before the next later
        // candidate for the others: each candidate costs one evaluation.
        var after: Known?
        for candidate in (transitions ?? transitionDates(snapshot)).reversed() where candidate <= date {
            let before = shownRows(snapshot, asOf: candidate.adding(days: -1))
            if !sameRows(before, as: after ?? current.map(Known.outcome) ?? .day(candidate), snapshot) {
                return candidate
            }
            after = .rows(before)
        }
        return nil
    }

    /// The other side of a comparison of two days: rows already worked out, a full outcome,
    /// or a day still to evaluate.
    private enum Known {
        case rows(ShownRowSet)
        case outcome(Disclosure)
        case day(CivilDate)
    }

    /// Whether `rows` are the rows shown by `other`.
    private func sameRows(_ rows: ShownRowSet, as other: Known, _ snapshot: Snapshot) -> Bool {
        switch other {
        case .rows(let known): return known == rows
        case .outcome(let disclosure): return disclosure.shows(exactly: rows)
        case .day(let day): return shownRows(snapshot, asOf: day) == rows
        }
    }

    /// Data errors the rules define (disclosure-rules.md §2): a record repaired before its
    /// minimum period, a black-list entry removed before its minimum period. The row still
    /// stops being shown on that day; the problem is reported as a warning.
    public func ruleWarnings(_ snapshot: Snapshot, asOf: CivilDate? = nil) -> [SnapshotProblem] {
        var problems: [SnapshotProblem] = []
        if let asOf { problems += futureDateWarnings(snapshot, asOf: asOf) }
        for record in snapshot.records {
            guard let repaired = record.repairedOn, record.severity != .minor else { continue }
            let minimum = record.severity == .serious
                ? configuration.seriousRecordMinimum : configuration.generalRecordMinimum
            let earliest = record.decidedOn.adding(minimum)
            if repaired < earliest {
                problems.append(SnapshotProblem(
                    .warning, file: snapshot.file, table: .records, rowID: record.id, column: "repaired_on",
                    Message("repair_before_minimum", ["repaired": repaired.iso, "earliest": earliest.iso])))
            }
        }
        for entry in snapshot.listEntries where entry.list == .black {
            guard let removed = entry.removedOn else { continue }
            let earliest = entry.listedOn.adding(configuration.blackListMinimum)
            if removed < earliest {
                problems.append(SnapshotProblem(
                    .warning, file: snapshot.file, table: .listEntries, rowID: entry.id, column: "removed_on",
                    Message("removal_before_minimum", ["removed": removed.iso, "earliest": earliest.iso])))
            }
        }
        return problems
    }

    /// How far after the as-of date a decision date may lie before it is taken for a typing
    /// slip (2062 for 2026): a row dated then is not shown until that day, silently.
    public static let futureMargin = CivilDate.Period.years(1)

    /// A warning for every decision, listing, commitment, conclusion or report date more than
    /// ``futureMargin`` after `asOf`.
    func futureDateWarnings(_ snapshot: Snapshot, asOf: CivilDate) -> [SnapshotProblem] {
        let limit = asOf.adding(Self.futureMargin)
        var problems: [SnapshotProblem] = []
        func check(_ table: SnapshotTable, _ id: String, _ column: String, _ date: CivilDate) {
            guard date > limit else { return }
            problems.append(SnapshotProblem(.warning, file: snapshot.file, table: table, rowID: id, column: column,
                Message("date_far_future", ["date": date.iso, "asOf": asOf.iso])))
        }
        for row in snapshot.records { check(.records, row.id, "decided_on", row.decidedOn) }
        for row in snapshot.listEntries { check(.listEntries, row.id, "listed_on", row.listedOn) }
        for row in snapshot.commitments { check(.commitments, row.id, "made_on", row.madeOn) }
        for row in snapshot.reports { check(.verificationReports, row.id, "concluded_on", row.concludedOn) }
        for row in snapshot.cases { check(.cases, row.id, "reported_on", row.reportedOn) }
        return problems
    }
}
