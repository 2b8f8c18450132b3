import CreditVocabulary
import DisclosurePolicy
import Messages
import SnapshotModel
import Testing

/// Checks that `row` is shown exactly on `[start, end)`: not the day before start, on
/// start, on the day before end, not on end, and not the day after.
func expectWindow(
    _ snapshot: Snapshot, _ ref: RowRef, start: String, end: String, policy: DisclosurePolicy = DisclosurePolicy(),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let start = CivilDate(iso: start)!
    let end = CivilDate(iso: end)!
    for (day, shown) in [(start.adding(days: -1), false), (start, true), (start.adding(days: 1), true),
                         (end.adding(days: -1), true), (end, false), (end.adding(days: 1), false)] {
        let visible = policy.evaluate(snapshot, asOf: day).shown[ref] != nil
        #expect(visible == shown, "\(ref) on \(day): expected \(shown ? "shown" : "hidden")", sourceLocation: sourceLocation)
    }
}

@Suite("Disclosure policy: records")
struct RecordWindowTests {
    let ref = RowRef(.records, "R1")

    @Test("a general record is shown for one year from its decision; month ends clamp")
    func general() {
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(decided: "2026-01-31")]), ref,
                     start: "2026-01-31", end: "2027-01-31")
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(decided: "2024-02-29")]), ref,
                     start: "2024-02-29", end: "2025-02-28")
    }

    @Test("a serious record is shown for three years; from a leap day it ends on 28 February")
    func serious() {
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(severity: .serious, decided: "2024-02-29")]), ref,
                     start: "2024-02-29", end: "2027-02-28")
    }

    @Test("the window starts on approval when approval comes after the decision")
    func lateApproval() {
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(decided: "2026-03-10", approved: "2026-03-25")]), ref,
                     start: "2026-03-25", end: "2027-03-10")
    }

    @Test("publish_until, repaired_on and revoked_on end the window earlier")
    func earlierEnds() {
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(decided: "2026-01-10", publishUntil: "2026-06-30")]),
                     ref, start: "2026-01-10", end: "2026-06-30")
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(decided: "2026-01-10", repaired: "2026-05-01")]),
                     ref, start: "2026-01-10", end: "2026-05-01")
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(decided: "2026-01-10", revoked: "2026-02-01")]),
                     ref, start: "2026-01-10", end: "2026-02-01")
        // The earliest of several ends wins.
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(
            decided: "2026-01-10", publishUntil: "2026-09-01", repaired: "2026-08-01", revoked: "2026-10-01")]),
                     ref, start: "2026-01-10", end: "2026-08-01")
    }

    @Test("publish_until never moves the end later")
    func neverLater() {
        expectWindow(Fixtures.snapshot(records: [Fixtures.record(decided: "2026-01-10", publishUntil: "2030-01-01")]),
                     ref, start: "2026-01-10", end: "2027-01-10")
    }

    @Test("repair before the minimum period is reported and still ends the window")
    func earlyRepair() {
        let early = Fixtures.snapshot(records: [Fixtures.record(decided: "2026-01-31", repaired: "2026-04-29")])
        let warnings = DisclosurePolicy().ruleWarnings(early)
        #expect(warnings.count == 1)
        #expect(warnings.first?.column == "repaired_on" && warnings.first?.rowID == "R1")
        expectWindow(early, ref, start: "2026-01-31", end: "2026-04-29")
        // Exactly at the minimum (3 months, clamped to 30 April) is fine.
        let onTime = Fixtures.snapshot(records: [Fixtures.record(decided: "2026-01-31", repaired: "2026-04-30")])
        #expect(DisclosurePolicy().ruleWarnings(onTime).isEmpty)
        let serious = Fixtures.snapshot(records: [Fixtures.record(severity: .serious, decided: "2026-01-31", repaired: "2027-01-30")])
        #expect(DisclosurePolicy().ruleWarnings(serious).count == 1)
    }

    @Test("minor, simplified-procedure and warning-only records are never shown", arguments: [
        Fixtures.record(severity: .minor), Fixtures.record(procedure: .simplified), Fixtures.record(penalties: [.warning]),
    ])
    func neverPublished(record: RecordRow) {
        let snapshot = Fixtures.snapshot(records: [record])
        for audience in Audience.allCases {
            let outcome = DisclosurePolicy(audience: audience).evaluate(snapshot, asOf: Fixtures.date("2026-03-01"))
            #expect(outcome.shown[ref] == nil)
            #expect(outcome.withheld[ref]?.code == "not_publishable")
        }
    }

    @Test("a warning with a fine is shown")
    func warningAndFine() {
        let snapshot = Fixtures.snapshot(records: [Fixtures.record(penalties: [.warning, .fine])])
        #expect(DisclosurePolicy().evaluate(snapshot, asOf: Fixtures.date("2026-03-01")).isShown(.records, "R1"))
    }

    @Test("only approved rows are shown, and internal ones only to an internal build", arguments: ReviewStatus.allCases)
    func reviewStates(status: ReviewStatus) {
        for scope in Scope.allCases {
            let snapshot = Fixtures.snapshot(records: [Fixtures.record(scope: scope, status: status)])
            let day = Fixtures.date("2026-03-01")
            let publicBuild = DisclosurePolicy(audience: .public).evaluate(snapshot, asOf: day).isShown(.records, "R1")
            let internalBuild = DisclosurePolicy(audience: .internal).evaluate(snapshot, asOf: day).isShown(.records, "R1")
            #expect(publicBuild == (status == .approved && scope == .public))
            #expect(internalBuild == (status == .approved))
        }
    }
}

@Suite("Disclosure policy: lists, commitments, reports")
struct OtherWindowTests {
    @Test("list defaults: black 3 years, watch 1 year, red 2 years", arguments: [
        (ListKind.black, "2029-01-15"), (.watch, "2027-01-15"), (.red, "2028-01-15"),
    ])
    func listDefaults(list: ListKind, end: String) {
        let snapshot = Fixtures.snapshot {
            $0.listEntries = [ListEntryRow(id: "L1", subjectID: "S1", list: list, authority: "局",
                                           listedOn: Fixtures.date("2026-01-15"), review: Fixtures.approved("2026-01-15"))]
        }
        expectWindow(snapshot, RowRef(.listEntries, "L1"), start: "2026-01-15", end: end)
    }

    @Test("valid_until and removed_on end a list entry")
    func listEnds() {
        func entry(validUntil: String?, removed: String?) -> Snapshot {
            Fixtures.snapshot {
                $0.listEntries = [ListEntryRow(
                    id: "L1", subjectID: "S1", list: .black, authority: "局", listedOn: Fixtures.date("2026-01-15"),
                    validUntil: validUntil.map(Fixtures.date), removedOn: removed.map(Fixtures.date),
                    review: Fixtures.approved("2026-01-20"))]
            }
        }
        let ref = RowRef(.listEntries, "L1")
        expectWindow(entry(validUntil: "2028-06-30", removed: nil), ref, start: "2026-01-20", end: "2028-06-30")
        expectWindow(entry(validUntil: "2028-06-30", removed: "2027-03-01"), ref, start: "2026-01-20", end: "2027-03-01")
        #expect(DisclosurePolicy().ruleWarnings(entry(validUntil: nil, removed: "2026-12-01")).count == 1)
        #expect(DisclosurePolicy().ruleWarnings(entry(validUntil: nil, removed: "2027-01-15")).isEmpty)
    }

    @Test("commitments: valid_until, else 3 years; withdrawn ones never")
    func commitments() {
        func commitment(_ status: CommitmentStatus, validUntil: String? = nil) -> Snapshot {
            Fixtures.snapshot {
                $0.commitments = [CommitmentRow(
                    id: "C1", subjectID: "S1", kind: .voluntary, madeOn: Fixtures.date("2026-02-28"),
                    validUntil: validUntil.map(Fixtures.date), status: status, review: Fixtures.approved("2026-02-28"))]
            }
        }
        let ref = RowRef(.commitments, "C1")
        expectWindow(commitment(.inForce), ref, start: "2026-02-28", end: "2029-02-28")
        expectWindow(commitment(.breached, validUntil: "2026-12-31"), ref, start: "2026-02-28", end: "2026-12-31")
        #expect(!DisclosurePolicy().evaluate(commitment(.withdrawn), asOf: Fixtures.date("2026-03-01")).isShown(.commitments, "C1"))
    }

    static func reports(_ correction: Review? = nil) -> Snapshot {
        Fixtures.snapshot {
            $0.cases = [CaseRow(id: "K1", title: "案例", region: "福州", reportedOn: Fixtures.date("2026-01-01"), tags: [])]
            $0.reports = [ReportRow(
                id: "V1", caseID: "K1", title: "报告", leadDepartment: "委", methods: [.interview], conclusion: .confirmed,
                measures: [], concludedOn: Fixtures.date("2026-01-05"), review: Fixtures.approved("2026-01-06"))]
            if let correction {
                $0.reports.append(ReportRow(
                    id: "V2", caseID: "K1", title: "更正报告", leadDepartment: "委", methods: [.interview],
                    conclusion: .unfounded, measures: [], concludedOn: Fixtures.date("2026-05-01"), supersedes: "V1",
                    review: correction))
            }
        }
    }

    @Test("a report is shown for three years from approval, and its case with it")
    func reportWindow() {
        expectWindow(Self.reports(), RowRef(.verificationReports, "V1"), start: "2026-01-06", end: "2029-01-06")
        expectWindow(Self.reports(), RowRef(.cases, "K1"), start: "2026-01-06", end: "2029-01-06")
    }

    @Test("an approved correction replaces the old report from its approval day; a draft does not")
    func superseded() {
        let snapshot = Self.reports(Fixtures.approved("2026-05-10"))
        let policy = DisclosurePolicy()
        #expect(policy.evaluate(snapshot, asOf: Fixtures.date("2026-05-09")).isShown(.verificationReports, "V1"))
        let after = policy.evaluate(snapshot, asOf: Fixtures.date("2026-05-10"))
        #expect(!after.isShown(.verificationReports, "V1"))
        #expect(after.withheld[RowRef(.verificationReports, "V1")] == .superseded(by: "V2"))
        #expect(after.isShown(.verificationReports, "V2"))
        let draft = Self.reports(Review(status: .draft, approvedOn: nil, scope: .public))
        #expect(policy.evaluate(draft, asOf: Fixtures.date("2026-06-01")).isShown(.verificationReports, "V1"))
    }
}

@Suite("Disclosure policy: objections and the cascade")
struct CascadeTests {
    func withObjection(_ status: ObjectionStatus, filed: String = "2026-03-01", resolved: String? = nil) -> Snapshot {
        Fixtures.snapshot(records: [Fixtures.record(decided: "2026-01-10")]) {
            $0.objections = [ObjectionRow(id: "O1", target: .records, targetID: "R1", filedOn: Fixtures.date(filed),
                                          status: status, resolvedOn: resolved.map(Fixtures.date))]
        }
    }

    @Test("a pending objection suspends the record from the day it is filed")
    func suspend() {
        let snapshot = withObjection(.pending)
        #expect(DisclosurePolicy().evaluate(snapshot, asOf: Fixtures.date("2026-02-28")).isShown(.records, "R1"))
        let outcome = DisclosurePolicy().evaluate(snapshot, asOf: Fixtures.date("2026-03-01"))
        #expect(!outcome.isShown(.records, "R1"))
        #expect(outcome.withheld[RowRef(.records, "R1")] == .objectionPending(objectionID: "O1"))
    }

    @Test("annotate shows the record with the objection's mark")
    func annotate() {
        var configuration = PolicyConfiguration()
        configuration.objectionMode = .annotate
        let outcome = DisclosurePolicy(configuration: configuration).evaluate(withObjection(.pending), asOf: Fixtures.date("2026-03-02"))
        #expect(outcome.shown(.records, "R1")?.pendingObjection == "O1")
    }

    @Test("an objection was pending until it was resolved; rejected ones then have no effect, upheld ones hide the row")
    func resolved() {
        let policy = DisclosurePolicy()
        let rejected = withObjection(.rejected, resolved: "2026-04-01")
        #expect(!policy.evaluate(rejected, asOf: Fixtures.date("2026-03-31")).isShown(.records, "R1"))
        #expect(policy.evaluate(rejected, asOf: Fixtures.date("2026-04-01")).isShown(.records, "R1"))
        let upheld = withObjection(.upheld, resolved: "2026-04-01")
        #expect(!policy.evaluate(upheld, asOf: Fixtures.date("2026-04-01")).isShown(.records, "R1"))
        #expect(policy.evaluate(upheld, asOf: Fixtures.date("2026-04-01")).withheld[RowRef(.records, "R1")]?.code == "objection_upheld")
        #expect(policy.evaluate(upheld, asOf: Fixtures.date("2026-02-28")).isShown(.records, "R1"))
    }

    static func family() -> Snapshot {
        Fixtures.snapshot(
            subjects: [Fixtures.subject("S1"), Fixtures.subject("S2", kind: .naturalPerson, name: "王小明")],
            records: [Fixtures.record("R1", subject: "S1", decided: "2026-01-10", repaired: "2026-06-01")]
        ) {
            $0.rectifications = [RectificationRow(id: "T1", recordID: "R1", requirementMarkdown: "整改", deadline: Fixtures.date("2026-03-01"), status: .open)]
            $0.interviews = [
                InterviewRow(id: "I1", recordID: "R1", kind: .warning, heldOn: Fixtures.date("2026-02-01"), refused: true, scope: .public),
                InterviewRow(id: "I2", recordID: "R1", kind: .reminder, heldOn: Fixtures.date("2026-02-02"), refused: false, scope: .internal),
            ]
            $0.repairActions = [RepairActionRow(id: "A1", recordID: "R1", kind: .training, completedOn: Fixtures.date("2026-05-01"), hours: 3)]
            $0.listEntries = [ListEntryRow(id: "L1", subjectID: "S1", list: .black, authority: "局", recordID: "R1",
                                           listedOn: Fixtures.date("2026-01-15"), review: Fixtures.approved("2026-01-15"))]
            $0.commitments = [CommitmentRow(id: "C1", subjectID: "S1", kind: .repair, recordID: "R1", madeOn: Fixtures.date("2026-04-01"),
                                            status: .inForce, review: Fixtures.approved("2026-04-01"))]
        }
    }

    @Test("a record's rectification, interviews, repair steps, list entries and commitments go with it")
    func cascade() {
        let snapshot = Self.family()
        let policy = DisclosurePolicy()
        let before = policy.evaluate(snapshot, asOf: Fixtures.date("2026-05-31"))
        for ref in [RowRef(.records, "R1"), RowRef(.rectifications, "T1"), RowRef(.interviews, "I1"),
                    RowRef(.repairActions, "A1"), RowRef(.listEntries, "L1"), RowRef(.commitments, "C1"),
                    RowRef(.subjects, "S1")] {
            #expect(before.shown[ref] != nil, "\(ref) shown before repair")
        }
        #expect(before.withheld[RowRef(.interviews, "I2")] == .internalScope)
        #expect(before.withheld[RowRef(.subjects, "S2")] == .nothingVisible)
        let after = policy.evaluate(snapshot, asOf: Fixtures.date("2026-06-01"))
        #expect(after.shownRows.isEmpty, "nothing is left once the record is repaired: \(after.shownRows)")
        #expect(after.withheld[RowRef(.listEntries, "L1")] == .dependsOnHidden(RowRef(.records, "R1")))
        #expect(after.withheld[RowRef(.subjects, "S1")] == .nothingVisible)
    }

    @Test("rows of an invalid subject are withheld")
    func invalidSubject() {
        var snapshot = Fixtures.snapshot(subjects: [], records: [Fixtures.record()])
        snapshot.invalidRows[RowRef(.subjects, "S1")] = SnapshotProblem(.error, table: .subjects, rowID: "S1", Message("uscc_checksum"))
        let outcome = DisclosurePolicy().evaluate(snapshot, asOf: Fixtures.date("2026-03-01"))
        #expect(outcome.withheld[RowRef(.records, "R1")] == .dependsOnHidden(RowRef(.subjects, "S1")))
        #expect(outcome.withheld[RowRef(.subjects, "S1")]?.code == "invalid_row")
    }

    @Test("the next change is the first day the shown rows differ")
    func nextChange() {
        let snapshot = Self.family()
        let policy = DisclosurePolicy()
        #expect(policy.nextChange(snapshot, after: Fixtures.date("2026-04-15")) == Fixtures.date("2026-06-01"))
        #expect(policy.nextChange(snapshot, after: Fixtures.date("2026-06-01")) == nil)
        #expect(policy.nextChange(snapshot, after: Fixtures.date("2026-01-09")) == Fixtures.date("2026-01-10"))
    }
}

@Suite("Disclosure: comparing two days")
struct DisclosureComparisonTests {
    @Test("two outcomes show the same rows exactly when their shown rows are equal as sets")
    func sameRows() {
        let day = CivilDate(iso: "2026-03-01")!
        func outcome(_ ids: [String], withheld: [String] = []) -> Disclosure {
            var disclosure = Disclosure(asOf: day, audience: .public)
            for id in ids { disclosure.shown[RowRef(.records, id)] = Disclosure.Shown(window: nil, pendingObjection: nil) }
            for id in withheld { disclosure.withheld[RowRef(.records, id)] = .internalScope }
            return disclosure
        }
        let cases: [([String], [String])] = [
            ([], []), (["A"], ["A"]), (["A", "B"], ["B", "A"]), (["A"], ["B"]), (["A", "B"], ["A"]), (["A"], ["A", "B"]),
        ]
        for (left, right) in cases {
            #expect(outcome(left).shows(exactly: ShownRowSet(outcome(right, withheld: ["C"]))) == (Set(left) == Set(right)))
        }
    }
}
