import CreditVocabulary
import Messages

/// Checks what single rows cannot: references between tables, approval dates, identifier
/// checksums. Rows that fail are moved to ``Snapshot/invalidRows``; so are the parents of
/// invalid child rows (a record whose rectification is unreadable is withheld whole).
public enum SnapshotValidator {
    /// Text columns an override may name, per table.
    public static let overridableFields: [SnapshotTable: Set<String>] = [
        .subjects: ["name", "address", "legal_representative"],
        .cases: ["title", "region", "summary_md", "proposed_action", "source"],
        .verificationReports: ["title", "body_md", "lead_department", "service_agency"],
        .records: ["facts_md", "basis", "outcome", "document_no", "authority"],
        .listEntries: ["reason_md", "basis", "removal_reason", "authority", "domain"],
        .commitments: ["body_md"],
        .rectifications: ["requirement_md"],
        .interviews: ["summary_md"],
        .repairActions: ["provider"],
    ]

    /// Validates `snapshot` in place and returns the problems found.
    public static func validate(_ snapshot: inout Snapshot) -> [SnapshotProblem] {
        var problems: [SnapshotProblem] = []
        var invalid = snapshot.invalidRows

        func reject(_ table: SnapshotTable, _ id: String, column: String?, _ code: String, _ arguments: [String: String] = [:]) {
            let problem = SnapshotProblem(.error, table: table, rowID: id, column: column, Message(code, arguments))
            problems.append(problem)
            if invalid[RowRef(table, id)] == nil { invalid[RowRef(table, id)] = problem }
        }
        func warn(_ table: SnapshotTable, _ id: String, column: String?, _ code: String, _ arguments: [String: String] = [:]) {
            problems.append(SnapshotProblem(.warning, table: table, rowID: id, column: column, Message(code, arguments)))
        }
        func withhold(_ ref: RowRef, because child: RowRef) {
            if invalid[ref] == nil { invalid[ref] = .withheld(ref, because: child) }
        }
        func missing(_ table: SnapshotTable, _ id: String) -> [String: String] { ["target": "\(table.rawValue)[\(id)]"] }

        let subjectIDs = Set(snapshot.subjects.map(\.id))
        let caseIDs = Set(snapshot.cases.map(\.id))
        let reportIDs = Set(snapshot.reports.map(\.id))
        let recordIDs = Set(snapshot.records.map(\.id))
        let listIDs = Set(snapshot.listEntries.map(\.id))
        func known(_ table: SnapshotTable, _ ids: Set<String>, _ id: String) -> Bool {
            ids.contains(id) || invalid[RowRef(table, id)] != nil
        }

        for index in snapshot.subjects.indices {
            guard let code = snapshot.subjects[index].regionCode else { continue }
            if code.utf8.count != 6 || !code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                warn(.subjects, snapshot.subjects[index].id, column: "region_code",
                     "region_code_ignored")
                snapshot.subjects[index].regionCode = nil
            }
        }
        for subject in snapshot.subjects {
            if let uscc = subject.uscc {
                if subject.kind == .naturalPerson {
                    warn(.subjects, subject.id, column: "uscc", "person_has_uscc")
                } else if IdentifierChecksum.isValidIDNumber(uscc) && IdentifierChecksum.hasPlausibleBirthDate(uscc) {
                    // A person's ID number where the USCC belongs: never published, nor repeated.
                    reject(.subjects, subject.id, column: "uscc", "uscc_is_id_number")
                } else if !IdentifierChecksum.isValidUSCC(uscc) {
                    // Not a public identifier: it is not repeated, and the subject is withheld.
                    reject(.subjects, subject.id, column: "uscc", "uscc_checksum")
                }
            }
            if let idNumber = subject.idNumber, !IdentifierChecksum.isValidIDNumber(idNumber) {
                // The value is never published, so it is not repeated in the message.
                warn(.subjects, subject.id, column: "id_number", "id_number_checksum")
            }
        }
        for link in snapshot.caseSubjects {
            let id = "\(link.caseID)/\(link.subjectID)"
            if !known(.cases, caseIDs, link.caseID) {
                reject(.caseSubjects, id, column: "case_id", "reference_missing", missing(.cases, link.caseID))
            }
            if !known(.subjects, subjectIDs, link.subjectID) {
                reject(.caseSubjects, id, column: "subject_id", "reference_missing", missing(.subjects, link.subjectID))
            }
        }
        func checkReview(_ table: SnapshotTable, _ id: String, _ review: Review) {
            if review.status == .approved && review.approvedOn == nil {
                reject(table, id, column: "approved_on", "approved_without_date")
            }
        }
        for report in snapshot.reports {
            if !known(.cases, caseIDs, report.caseID) {
                reject(.verificationReports, report.id, column: "case_id", "reference_missing", missing(.cases, report.caseID))
            }
            if let old = report.supersedes {
                if !known(.verificationReports, reportIDs, old) {
                    reject(.verificationReports, report.id, column: "supersedes",
                           "reference_missing", missing(.verificationReports, old))
                } else if old == report.id {
                    reject(.verificationReports, report.id, column: "supersedes", "supersedes_itself")
                }
            }
            checkReview(.verificationReports, report.id, report.review)
        }
        for cycle in supersedesCycles(snapshot.reports) where cycle.count > 1 {
            let path = (cycle + [cycle[0]]).map { "verification_reports[\($0)]" }.joined(separator: " → ")
            for id in cycle {
                reject(.verificationReports, id, column: "supersedes", "supersedes_cycle", ["path": path])
            }
        }
        for record in snapshot.records {
            if !known(.subjects, subjectIDs, record.subjectID) {
                reject(.records, record.id, column: "subject_id", "reference_missing", missing(.subjects, record.subjectID))
            }
            if let report = record.reportID, !known(.verificationReports, reportIDs, report) {
                reject(.records, record.id, column: "report_id", "reference_missing", missing(.verificationReports, report))
            }
            if let fine = record.fineYuan, fine < 0 {
                reject(.records, record.id, column: "fine_yuan", "fine_negative")
            }
            checkReview(.records, record.id, record.review)
        }
        for entry in snapshot.listEntries {
            if !known(.subjects, subjectIDs, entry.subjectID) {
                reject(.listEntries, entry.id, column: "subject_id", "reference_missing", missing(.subjects, entry.subjectID))
            }
            if let record = entry.recordID, !known(.records, recordIDs, record) {
                reject(.listEntries, entry.id, column: "record_id", "reference_missing", missing(.records, record))
            }
            if let until = entry.validUntil, until <= entry.listedOn {
                warn(.listEntries, entry.id, column: "valid_until", "valid_until_early")
            }
            checkReview(.listEntries, entry.id, entry.review)
        }
        for commitment in snapshot.commitments {
            if !known(.subjects, subjectIDs, commitment.subjectID) {
                reject(.commitments, commitment.id, column: "subject_id",
                       "reference_missing", missing(.subjects, commitment.subjectID))
            }
            if let record = commitment.recordID, !known(.records, recordIDs, record) {
                reject(.commitments, commitment.id, column: "record_id", "reference_missing", missing(.records, record))
            }
            checkReview(.commitments, commitment.id, commitment.review)
        }
        let children: [(SnapshotTable, String, String)] =
            snapshot.rectifications.map { (.rectifications, $0.id, $0.recordID) }
            + snapshot.interviews.map { (.interviews, $0.id, $0.recordID) }
            + snapshot.repairActions.map { (.repairActions, $0.id, $0.recordID) }
        for (table, id, record) in children where !known(.records, recordIDs, record) {
            reject(table, id, column: "record_id", "reference_missing", missing(.records, record))
        }
        for objection in snapshot.objections {
            let (table, ids): (SnapshotTable, Set<String>) = switch objection.target {
            case .records: (.records, recordIDs)
            case .listEntries: (.listEntries, listIDs)
            case .verificationReports: (.verificationReports, reportIDs)
            }
            if !known(table, ids, objection.targetID) {
                reject(.objections, objection.id, column: "target_id",
                       "reference_missing", missing(table, objection.targetID))
            }
            if objection.status != .pending && objection.resolvedOn == nil {
                warn(.objections, objection.id, column: "resolved_on", "resolved_without_date")
            }
            if let resolvedOn = objection.resolvedOn, resolvedOn < objection.filedOn {
                warn(.objections, objection.id, column: "resolved_on",
                     "resolved_before_filed", ["resolved": resolvedOn.iso, "filed": objection.filedOn.iso])
            }
        }
        let rowsByTable: [SnapshotTable: Set<String>] = [
            .subjects: subjectIDs, .cases: caseIDs, .verificationReports: reportIDs, .records: recordIDs,
            .listEntries: listIDs, .commitments: Set(snapshot.commitments.map(\.id)),
            .rectifications: Set(snapshot.rectifications.map(\.id)), .interviews: Set(snapshot.interviews.map(\.id)),
            .repairActions: Set(snapshot.repairActions.map(\.id)),
        ]
        for override in snapshot.overrides {
            guard let fields = overridableFields[override.target.table] else {
                problems.append(SnapshotProblem(
                    .error, table: .redactionOverrides, rowID: override.id, column: "target_table", isolated: false,
                    Message("override_table_not_redactable", ["table": override.target.table.rawValue])))
                continue
            }
            if !fields.contains(override.field) {
                problems.append(SnapshotProblem(
                    .error, table: .redactionOverrides, rowID: override.id, column: "field", isolated: false,
                    Message("override_field_not_redactable", ["field": override.field, "table": override.target.table.rawValue])))
            }
            if !known(override.target.table, rowsByTable[override.target.table] ?? [], override.target.id) {
                warn(.redactionOverrides, override.id, column: "target_id",
                     "override_target_missing", ["target": "\(override.target)"])
            }
        }

        // Children that failed withhold their parents; rows that failed are removed.
        for (table, id, record) in children where invalid[RowRef(table, id)] != nil {
            withhold(RowRef(.records, record), because: RowRef(table, id))
        }
        for objection in snapshot.objections where invalid[RowRef(.objections, objection.id)] != nil {
            let table: SnapshotTable = switch objection.target {
            case .records: .records
            case .listEntries: .listEntries
            case .verificationReports: .verificationReports
            }
            withhold(RowRef(table, objection.targetID), because: RowRef(.objections, objection.id))
        }
        snapshot.invalidRows = invalid
        func valid(_ table: SnapshotTable, _ id: String) -> Bool { invalid[RowRef(table, id)] == nil }
        // A subject withheld here (an ID number in its uscc) is still a person to mask in free
        // text: a natural person's name, or the operator or representative of any other kind.
        for subject in snapshot.subjects where !valid(.subjects, subject.id) {
            if subject.kind == .naturalPerson {
                snapshot.namesOfInvalidSubjects.append(subject.name)
            } else if let representative = subject.legalRepresentative {
                snapshot.namesOfInvalidSubjects.append(representative)
            }
        }
        snapshot.subjects.removeAll { !valid(.subjects, $0.id) }
        snapshot.cases.removeAll { !valid(.cases, $0.id) }
        snapshot.caseSubjects.removeAll { !valid(.caseSubjects, "\($0.caseID)/\($0.subjectID)") }
        snapshot.reports.removeAll { !valid(.verificationReports, $0.id) }
        snapshot.records.removeAll { !valid(.records, $0.id) }
        snapshot.listEntries.removeAll { !valid(.listEntries, $0.id) }
        snapshot.commitments.removeAll { !valid(.commitments, $0.id) }
        snapshot.rectifications.removeAll { !valid(.rectifications, $0.id) }
        snapshot.interviews.removeAll { !valid(.interviews, $0.id) }
        snapshot.repairActions.removeAll { !valid(.repairActions, $0.id) }
        snapshot.objections.removeAll { !valid(.objections, $0.id) }
        return problems
    }

    /// The cycles of `supersedes` among `reports` (A corrects B, B corrects A), each in the
    /// order it is followed from its smallest id. Linear: each report is followed once.
    static func supersedesCycles(_ reports: [ReportRow]) -> [[String]] {
        var next: [String: String] = [:]
        for report in reports { if let old = report.supersedes { next[report.id] = old } }
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var cycles: [[String]] = []
        for start in next.keys.sorted() where state[start] == nil {
            var path: [String] = []
            var current: String? = start
            while let id = current, state[id] == nil {
                state[id] = false
                path.append(id)
                current = next[id]
            }
            if let id = current, state[id] == false, let from = path.firstIndex(of: id) {
                let cycle = Array(path[from...])
                let smallest = cycle.indices.min { cycle[$0] < cycle[$1] }!
                cycles.append(Array(cycle[smallest...] + cycle[..<smallest]))
            }
            for id in path { state[id] = true }
        }
        return cycles
    }
}
