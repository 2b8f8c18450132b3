import CreditVocabulary
import GRDB
import GRDBSQLite
import Messages
import SnapshotModel

/// Streams every table once and decodes its rows into a ``Snapshot``.
struct TableDecoder {
    let db: Database
    var snapshot: Snapshot
    var problems: [SnapshotProblem]
    /// Whether low-cardinality columns are read through a ``ColumnInterner``.
    var interning = true
    /// The longest Markdown field a row may have, in characters.
    var maximumBodyCharacters = SnapshotSchema.maximumBodyCharacters
    /// Tables missing from the file, or missing a column that names their rows (`gongshi
    /// check` goes on past them): read as empty.
    var skipped: Set<SnapshotTable> = []
    /// Columns missing from the file, per table (`gongshi check` goes on past them): read
    /// as NULL, without a problem.
    var missing: [SnapshotTable: Set<String>] = [:]

    /// Columns selected per table: everything except the long bodies, whose type is checked
    /// with `typeof` instead of being loaded.
    private static func selectList(_ table: SnapshotTable, missing: Set<String> = []) -> String {
        let bodies = BodyColumn.allCases.filter { $0.table == table }.map(\.column)
        let columns = (SnapshotSchema.columns[table] ?? []).filter { !bodies.contains($0) }
            .map { missing.contains($0) ? "NULL AS \"\($0)\"" : $0 }
        var extra = bodies.map {
            missing.contains($0) ? "'missing' AS \"typeof_\($0)\", 0 AS \"length_\($0)\""
                : "typeof(\($0)) AS \"typeof_\($0)\", length(\($0)) AS \"length_\($0)\""
        }
        if table == .caseSubjects {
            extra.append("(case_id || '/' || subject_id) AS case_subjects_id")
        }
        return (columns + extra).joined(separator: ", ")
    }

    /// Columns whose values repeat across rows (authorities, legal bases, list values,
    /// fixed texts): read through a ``ColumnInterner``. Ids, names, numbers and free text
    /// are not.
    static let internedColumns: [SnapshotTable: Set<String>] = [
        .records: ["authority", "basis", "outcome", "penalty_types", "procedure"],
        .listEntries: ["domain", "authority", "basis", "removal_reason"],
        .verificationReports: ["lead_department", "service_agency", "methods", "measures"],
        .cases: ["region", "source", "domain", "proposed_action", "tags"],
        .rectifications: ["requirement_md"],
        .interviews: ["summary_md"],
        .repairActions: ["provider"],
        .subjects: ["region_code"],
    ]

    /// Decodes each row of `table` in id order with `decode`, keeping the rows without problems.
    private mutating func each<T>(
        _ table: SnapshotTable, idColumn: String = "id", orderBy: String = "id",
        _ decode: (inout FieldDecoder) -> T
    ) throws -> [T] {
        if skipped.contains(table) { return [] }
        do {
            return try eachRow(table, idColumn: idColumn, orderBy: orderBy, decode)
        } catch let error as DatabaseError {
            // A damaged page or an unreadable table: the reader adds the file's name.
            throw SnapshotOpenError(SnapshotProblem(.error, table: table, isolated: false,
                                                    Message("sqlite_read_failed", ["cause": error.message ?? "\(error.resultCode)"])))
        }
    }

    private mutating func eachRow<T>(
        _ table: SnapshotTable, idColumn: String, orderBy: String,
        _ decode: (inout FieldDecoder) -> T
    ) throws -> [T] {
        var result: [T] = []
        // The rows are counted first: an array that doubles as it grows holds both buffers
        // at once, half again the table's memory at the moment it peaks.
        result.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.rawValue)") ?? 0)
        let absent = missing[table] ?? []
        let sql = "SELECT \(Self.selectList(table, missing: absent)) FROM \(table.rawValue) ORDER BY \(orderBy)"
        let statement = try db.makeStatement(sql: sql)
        let columns = Dictionary(
            statement.columnNames.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        let idIndex = columns[idColumn] ?? 0
        let bodyTypes = BodyColumn.allCases.filter { $0.table == table }
            .map { ($0, columns["typeof_\($0.column)"] ?? 0, columns["length_\($0.column)"] ?? 0) }
        let interner = interning ? ColumnInterner(columns: Self.internedColumns[table] ?? [], positions: columns) : nil
        let sqlite = statement.sqliteStatement
        let duplicates = try duplicateIDs(table)
        let cursor = try Row.fetchCursor(statement)
        while try cursor.next() != nil {
            let id = sqlite3_column_type(sqlite, idIndex) == SQLITE_TEXT ? FieldDecoder.columnText(sqlite, idIndex) : ""
            var decoder = FieldDecoder(statement: sqlite, table: table, id: id, columns: columns, interner: interner, ignoring: absent)
            if id.isEmpty {
                decoder.problem(idColumn, "id_missing")
            } else if let count = duplicates[id] {
                // Which copy is right cannot be told: every copy is withheld, in full and
                // incremental builds alike, and named once per copy.
                decoder.problem(idColumn, "id_duplicate", ["count": "\(count)"])
            }
            for (body, typeIndex, lengthIndex) in bodyTypes {
                let type = FieldDecoder.columnText(sqlite, typeIndex)
                if type == "null" && body.isRequired {
                    decoder.problem(body.column, "body_null")
                } else if type == "blob" {
                    decoder.problem(body.column, "body_blob")
                } else if sqlite3_column_int64(sqlite, lengthIndex) > maximumBodyCharacters {
                    decoder.problem(body.column, "body_too_long",
                                    ["length": "\(sqlite3_column_int64(sqlite, lengthIndex))", "limit": "\(maximumBodyCharacters)"])
                }
            }
            let value = decode(&decoder)
            problems += decoder.warnings
            if decoder.problems.isEmpty {
                result.append(value)
            } else {
                problems += decoder.problems
                snapshot.invalidRows[RowRef(table, id)] = decoder.problems[0]
                if table == .subjects, let name = decoder.optionalText("name") {
                    snapshot.namesOfInvalidSubjects.append(name)
                }
                // The row an unreadable row belongs to is withheld too: a record must not be
                // published without its rectification, interviews or repair steps, and an
                // unreadable objection may be a pending one.
                var parent: RowRef?
                switch table {
                case .rectifications, .interviews, .repairActions:
                    parent = decoder.optionalText("record_id").map { RowRef(.records, $0) }
                case .objections:
                    if let target = decoder.optionalText("target_table"), let targetTable = SnapshotTable(rawValue: target),
                       let targetID = decoder.optionalText("target_id") {
                        parent = RowRef(targetTable, targetID)
                    }
                default:
                    parent = nil
                }
                if let parent, snapshot.invalidRows[parent] == nil {
                    snapshot.invalidRows[parent] = .withheld(parent, because: RowRef(table, id))
                }
            }
        }
        return result
    }

    /// The ids that stand on more than one row of `table`, with their counts (a platform
    /// export without constraints). `redaction_overrides` is not checked: applying every copy
    /// of an override masks more, never less.
    private func duplicateIDs(_ table: SnapshotTable) throws -> [String: Int] {
        let sql: String
        switch table {
        case .redactionOverrides:
            return [:]
        case .caseSubjects:
            sql = "SELECT case_id || '/' || subject_id, count(*) FROM case_subjects GROUP BY case_id, subject_id HAVING count(*) > 1"
        default:
            sql = "SELECT id, count(*) FROM \(table.rawValue) WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1"
        }
        // A primary key SQLite enforces (the schema's own) cannot repeat: no need to look.
        let enforced = try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_index_list(?) WHERE origin = 'pk' AND \"unique\" = 1",
                                        arguments: [table.rawValue]) ?? 0
        guard enforced == 0 else { return [:] }
        var result: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql) {
            if let id = row[0] as String? { result[id] = row[1] }
        }
        return result
    }

    /// Reads every table.
    mutating func readAll() throws {
        try readRecords()
        try readAllButRecords()
    }

    /// Reads `records`, the largest table (a build reads it beside the others).
    mutating func readRecords() throws {
        snapshot.records = try each(.records) { f in
            RecordRow(
                id: f.id, subjectID: f.text("subject_id"), reportID: f.optionalText("report_id"),
                kind: f.value("kind", RecordKind.self), severity: f.value("severity", Severity.self),
                procedure: f.optionalValue("procedure", Procedure.self),
                penaltyTypes: f.list("penalty_types", PenaltyType.self), fineYuan: f.optionalInt("fine_yuan"),
                documentNo: f.optionalText("document_no"), decidedOn: f.date("decided_on"),
                authority: f.text("authority"), basis: f.optionalText("basis"), outcome: f.optionalText("outcome"),
                publishUntil: f.optionalDate("publish_until"), repairedOn: f.optionalDate("repaired_on"),
                revokedOn: f.optionalDate("revoked_on"), review: f.review())
        }
    }

    /// Reads every table but `records`. A row of another table never marks a record
    /// invalid over the record's own problem: ``SnapshotReader`` merges the two readings
    /// with the record's first.
    mutating func readAllButRecords() throws {
        snapshot.subjects = try each(.subjects) { f in
            SubjectRow(
                id: f.id, kind: f.value("kind", SubjectKind.self), name: f.text("name"),
                uscc: f.optionalText("uscc"), idNumber: f.optionalText("id_number"),
                legalRepresentative: f.optionalText("legal_representative"), regionCode: f.optionalText("region_code"),
                address: f.optionalText("address"), phone: f.optionalText("phone"))
        }
        snapshot.cases = try each(.cases) { f in
            CaseRow(
                id: f.id, title: f.text("title"), region: f.text("region"), reportedOn: f.date("reported_on"),
                source: f.optionalText("source"), sourceURL: f.optionalText("source_url"),
                domain: f.optionalText("domain"), proposedAction: f.optionalText("proposed_action"),
                tags: f.stringList("tags"))
        }
        snapshot.caseSubjects = try each(
            .caseSubjects, idColumn: "case_subjects_id", orderBy: "case_id, subject_id"
        ) { f in
            CaseSubjectRow(caseID: f.text("case_id"), subjectID: f.text("subject_id"), role: f.value("role", CaseRole.self))
        }
        snapshot.reports = try each(.verificationReports) { f in
            ReportRow(
                id: f.id, caseID: f.text("case_id"), title: f.text("title"), leadDepartment: f.text("lead_department"),
                serviceAgency: f.optionalText("service_agency"), methods: f.list("methods", VerificationMethod.self),
                conclusion: f.value("conclusion", ReportConclusion.self), measures: f.list("measures", Measure.self),
                concludedOn: f.date("concluded_on"), supersedes: f.optionalText("supersedes"), review: f.review())
        }
        snapshot.listEntries = try each(.listEntries) { f in
            ListEntryRow(
                id: f.id, subjectID: f.text("subject_id"), list: f.value("list", ListKind.self),
                domain: f.optionalText("domain"), authority: f.text("authority"), basis: f.optionalText("basis"),
                recordID: f.optionalText("record_id"), listedOn: f.date("listed_on"),
                validUntil: f.optionalDate("valid_until"), removedOn: f.optionalDate("removed_on"),
                removalReason: f.optionalText("removal_reason"), review: f.review())
        }
        snapshot.commitments = try each(.commitments) { f in
            CommitmentRow(
                id: f.id, subjectID: f.text("subject_id"), kind: f.value("kind", CommitmentKind.self),
                recordID: f.optionalText("record_id"), madeOn: f.date("made_on"),
                validUntil: f.optionalDate("valid_until"), status: f.value("status", CommitmentStatus.self),
                review: f.review())
        }
        snapshot.rectifications = try each(.rectifications) { f in
            RectificationRow(
                id: f.id, recordID: f.text("record_id"), requirementMarkdown: f.text("requirement_md"),
                deadline: f.date("deadline"), status: f.value("status", RectificationStatus.self),
                completedOn: f.optionalDate("completed_on"))
        }
        snapshot.interviews = try each(.interviews) { f in
            InterviewRow(
                id: f.id, recordID: f.text("record_id"), kind: f.value("kind", InterviewKind.self),
                heldOn: f.date("held_on"), refused: f.bool("refused"), summaryMarkdown: f.optionalText("summary_md"),
                scope: f.value("scope", Scope.self))
        }
        snapshot.repairActions = try each(.repairActions) { f in
            RepairActionRow(
                id: f.id, recordID: f.text("record_id"), kind: f.value("kind", RepairActionKind.self),
                completedOn: f.date("completed_on"), provider: f.optionalText("provider"),
                hours: f.optionalDouble("hours"))
        }
        snapshot.objections = try each(.objections) { f in
            ObjectionRow(
                id: f.id, target: f.value("target_table", ObjectionTarget.self), targetID: f.text("target_id"),
                filedOn: f.date("filed_on"), status: f.value("status", ObjectionStatus.self),
                resolvedOn: f.optionalDate("resolved_on"))
        }
        snapshot.overrides = try each(.redactionOverrides) { f in
            let tableName = f.text("target_table")
            let table = SnapshotTable(rawValue: tableName) ?? .subjects
            if SnapshotTable(rawValue: tableName) == nil {
                f.problem("target_table", "not_a_table", ["value": tableName])
            }
            let phrase = f.text("phrase")
            if phrase.isEmpty { f.problem("phrase", "phrase_empty") }
            return RedactionOverrideRow(
                id: f.id, target: RowRef(table, f.text("target_id")), field: f.text("field"), phrase: phrase,
                reason: f.value("reason", OverrideReason.self), replacement: f.optionalText("replacement"))
        }
        // An override that cannot be read may be the only thing protecting a secret, and
        // its target cannot be trusted either: such a problem blocks the whole build.
        for index in problems.indices where problems[index].table == .redactionOverrides {
            problems[index].isIsolated = false
        }
    }
}
