import CreditVocabulary
import Foundation
import GRDB
import GRDBSQLite
import Messages
import SnapshotModel

/// Reads a snapshot file without ever writing to it.
///
/// The file is opened through an SQLite URI with `mode=ro&immutable=1`: SQLite then takes no
/// locks and creates no journal, WAL or shared-memory file next to it. A snapshot whose WAL
/// file still holds data is refused, because an immutable reader would not see that data.
public final class SnapshotReader: Sendable {
    /// The file as named by the caller (used in every message).
    public let file: String
    private let database: DatabaseQueue
    /// The longest Markdown field a row may have, in characters.
    let maximumBodyCharacters: Int64
    /// The missing tables and columns, when the reader was made to go on past them
    /// (`toleratingSchemaProblems`); their tables are read as empty.
    public let schemaProblems: [SnapshotProblem]
    /// The tables ``schemaProblems`` leave unread: missing, or missing a column that names
    /// their rows.
    var skippedTables: Set<SnapshotTable> {
        Set(schemaProblems.compactMap { problem in
            guard let table = problem.table else { return nil }
            let naming: Set<String> = table == .caseSubjects ? ["case_id", "subject_id"] : ["id"]
            return problem.column.map(naming.contains) ?? true ? table : nil
        })
    }

    /// The columns ``schemaProblems`` name, per table: read as NULL.
    var missingColumns: [SnapshotTable: Set<String>] {
        var result: [SnapshotTable: Set<String>] = [:]
        for problem in schemaProblems {
            if let table = problem.table, let column = problem.column { result[table, default: []].insert(column) }
        }
        return result
    }

    /// Opens `file` read-only and checks its format, version, tables and columns.
    /// - Throws: ``SnapshotOpenError`` naming the file, table and column.
    /// - Parameter maximumBodyCharacters: the longest Markdown field a row may have
    ///   (site.toml's `limits.markdown_field_characters`); a longer one withholds its row.
    /// - Parameter toleratingSchemaProblems: whether missing tables and columns (but those of
    ///   `snapshot_meta`) are kept in ``schemaProblems`` instead of thrown, so that `check`
    ///   can list the rows' problems of the other tables too. Never for a build.
    public init(file: String, maximumBodyCharacters: Int = Int(SnapshotSchema.maximumBodyCharacters),
                toleratingSchemaProblems: Bool = false) throws {
        self.file = file
        self.maximumBodyCharacters = Int64(maximumBodyCharacters)
        let failure = { (code: String, arguments: [String: String]) in
            SnapshotOpenError(SnapshotProblem(.error, file: file, isolated: false, Message(code, arguments)))
        }
        let url = URL(fileURLWithPath: file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw failure("snapshot_missing", [:])
        }
        for (suffix, code) in [("-wal", "snapshot_wal_present"), ("-journal", "snapshot_journal_present")] {
            let path = url.path + suffix
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               let size = attributes[.size] as? NSNumber, size.intValue > 0 {
                throw failure(code, ["path": path])
            }
        }
        do {
            database = try Self.open(file)
            try database.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            throw failure("snapshot_unreadable", ["cause": Self.describe(error)])
        }
        let placed = { @Sendable (table: SnapshotTable?, column: String?, message: Message) -> SnapshotOpenError in
            SnapshotOpenError(SnapshotProblem(.error, file: file, table: table, column: column, isolated: false, message))
        }
        schemaProblems = try Self.checkSchema(database, tolerating: toleratingSchemaProblems, placed)
        _ = try readMeta(placed)
    }

    /// A read-only, immutable connection to `file`.
    private static func open(_ file: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "snapshot"
        configuration.foreignKeysEnabled = false
        return try DatabaseQueue(path: immutableURI(for: URL(fileURLWithPath: file)), configuration: configuration)
    }

    /// The SQLite URI that opens `url` read-only and immutable.
    static func immutableURI(for url: URL) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        let path = url.standardizedFileURL.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? url.path
        return "file:\(path)?mode=ro&immutable=1"
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// The missing tables and columns; thrown, unless `tolerating` and `snapshot_meta` is whole.
    private static func checkSchema(
        _ database: DatabaseQueue, tolerating: Bool, _ failure: (SnapshotTable?, String?, Message) -> SnapshotOpenError
    ) throws -> [SnapshotProblem] {
        let columnsByTable: [SnapshotTable: Set<String>] = try database.read { db in
            var result: [SnapshotTable: Set<String>] = [:]
            for table in SnapshotTable.allCases {
                let names = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table.rawValue])
                    .map { $0["name"] as String }
                if !names.isEmpty { result[table] = Set(names) }
            }
            return result
        }
        var missing: [SnapshotOpenError] = []
        for table in SnapshotTable.allCases {
            guard let present = columnsByTable[table] else {
                missing.append(failure(table, nil, Message("table_missing")))
                continue
            }
            for column in SnapshotSchema.columns[table] ?? [] where !present.contains(column) {
                missing.append(failure(table, column, Message("column_missing")))
            }
        }
        if var first = missing.first, !tolerating || missing.contains(where: { $0.problem.table == .meta }) {
            first.more = missing.dropFirst().map(\.problem)
            throw first
        }
        return missing.map(\.problem)
    }

    private func readMeta(_ failure: (SnapshotTable?, String?, Message) -> SnapshotOpenError) throws -> SnapshotMeta {
        let pairs: [String: String] = try database.read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM snapshot_meta") {
                let key: DatabaseValue = row["key"]
                let value: DatabaseValue = row["value"]
                if let key = String.fromDatabaseValue(key), let value = String.fromDatabaseValue(value) {
                    result[key] = value
                }
            }
            return result
        }
        func required(_ key: String) throws -> String {
            guard let value = pairs[key], !value.isEmpty else {
                throw failure(.meta, key, Message("meta_key_missing", ["key": key]))
            }
            return value
        }
        let format = try required("format")
        guard format == SnapshotSchema.format else {
            throw failure(.meta, "format", Message("meta_format_wrong", ["value": format, "expected": SnapshotSchema.format]))
        }
        let version = try required("version")
        guard version == SnapshotSchema.version else {
            throw failure(.meta, "version", Message("meta_version_unsupported", ["value": version]))
        }
        let regionCode = try required("region_code")
        guard regionCode.count == 6, regionCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw failure(.meta, "region_code", Message("meta_region_code_invalid", ["value": regionCode]))
        }
        return SnapshotMeta(
            format: format, version: version, exportedAt: try required("exported_at"),
            source: try required("source"), regionCode: regionCode, isDemo: pairs["demo"] == "true")
    }

    /// The metadata (already validated when the reader was made).
    public func meta() throws -> SnapshotMeta {
        try readMeta { table, column, message in
            SnapshotOpenError(SnapshotProblem(.error, file: file, table: table, column: column, isolated: false, message))
        }
    }

    /// Reads every row except the long Markdown bodies, validating each field, then checks
    /// references across tables. Rows with problems are left out of the snapshot and named
    /// in ``Snapshot/invalidRows``; every problem is returned. The tables are read one after
    /// the other (the build reads them two at a time, ``read(alongside:)``).
    public func read() throws -> SnapshotReading {
        try read(interning: true)
    }

    /// ``read()``, with the repeated values of low-cardinality columns shared or not (the
    /// tests read both ways and compare).
    func read(interning: Bool) throws -> SnapshotReading {
        try reporting {
            let empty = Snapshot(file: file, meta: try meta())
            return assemble(try readAllButRecords(database, empty, interning: interning),
                            records: try readRecords(empty, interning: interning))
        }
    }

    /// ``read()``, the tables but `records` read on a second connection in a child task while
    /// this one reads `records`, the largest; `alongside` is called with the snapshot of those
    /// tables (not yet validated) as soon as they are read, so that work that needs only them
    /// starts a few tenths of a second earlier. The caller must check that what it used is
    /// unchanged in the validated snapshot. (Splitting `records` between the two was tried:
    /// 0.03 s less at 100k records, 65 MB more at a million.)
    public func read(alongside: @escaping @Sendable (Snapshot) -> Void) async throws -> SnapshotReading {
        try await reporting {
            let empty = Snapshot(file: file, meta: try meta())
            let othersConnection = try Self.open(file)
            async let others = { [self] in
                let read = try readAllButRecords(othersConnection, empty, interning: true)
                alongside(read.snapshot)
                return read
            }()
            let records = try readRecords(empty, interning: true)
            return assemble(try await others, records: records)
        }
    }

    /// Runs `read`, naming the file in its errors.
    private func reporting<Result>(_ read: () async throws -> Result) async throws -> Result {
        do {
            return try await read()
        } catch {
            throw named(error)
        }
    }

    /// Runs `read`, naming the file in its errors.
    private func reporting<Result>(_ read: () throws -> Result) throws -> Result {
        do {
            return try read()
        } catch {
            throw named(error)
        }
    }

    /// `error` with the snapshot file named (a database error as a snapshot problem).
    private func named(_ error: any Error) -> any Error {
        if var error = error as? SnapshotOpenError {
            error.problem.file = file
            return error
        }
        if let error = error as? DatabaseError {
            return SnapshotOpenError(SnapshotProblem(.error, file: file, isolated: false,
                                                     Message("sqlite_read_failed", ["cause": Self.describe(error)])))
        }
        return error
    }

    /// The tables but `records`, with their problems.
    private func readAllButRecords(_ connection: DatabaseQueue, _ empty: Snapshot, interning: Bool) throws
        -> (snapshot: Snapshot, problems: [SnapshotProblem])
    {
        let maximumBodyCharacters = maximumBodyCharacters
        let skipped = skippedTables, missing = missingColumns
        return try connection.read { db in
            var decoder = TableDecoder(db: db, snapshot: empty, problems: [], interning: interning,
                                       maximumBodyCharacters: maximumBodyCharacters, skipped: skipped, missing: missing)
            try decoder.readAllButRecords()
            return (decoder.snapshot, decoder.problems)
        }
    }

    /// The `records` table: its valid rows, its invalid ones and the problems.
    private func readRecords(_ empty: Snapshot, interning: Bool) throws
        -> (rows: [RecordRow], invalid: [RowRef: SnapshotProblem], problems: [SnapshotProblem])
    {
        try database.read { db in
            var decoder = TableDecoder(db: db, snapshot: empty, problems: [], interning: interning,
                                       maximumBodyCharacters: maximumBodyCharacters, skipped: skippedTables, missing: missingColumns)
            try decoder.readRecords()
            return (decoder.snapshot.records, decoder.snapshot.invalidRows, decoder.problems)
        }
    }

    /// The whole snapshot from its two parts, validated across tables, with every problem
    /// sorted. The parts are consumed: an array referenced twice is copied whole by the first
    /// change (the validator's), which cost 240 MB at a million records.
    private func assemble(
        _ others: consuming (snapshot: Snapshot, problems: [SnapshotProblem]),
        records: consuming (rows: [RecordRow], invalid: [RowRef: SnapshotProblem], problems: [SnapshotProblem])
    ) -> SnapshotReading {
        var snapshot = others.snapshot
        others.snapshot = Snapshot(file: file, meta: snapshot.meta)
        snapshot.records = records.rows
        records.rows = []
        snapshot.invalidRows.merge(records.invalid) { _, own in own }
        var problems = records.problems + others.problems
        problems += SnapshotValidator.validate(&snapshot)
        for index in problems.indices { problems[index].file = file }
        // Each message's text is made once, not in every comparison.
        problems = problems.map { ($0, $0.message.text(in: .english)) }
            .sorted { ($0.0.table?.rawValue ?? "", $0.0.rowID ?? "", $0.0.column ?? "", $0.1)
                < ($1.0.table?.rawValue ?? "", $1.0.rowID ?? "", $1.0.column ?? "", $1.1) }
            .map(\.0)
        return SnapshotReading(snapshot: snapshot, problems: problems)
    }

    /// The Markdown bodies of `column` for the rows `ids` (missing rows are absent; NULL
    /// bodies are empty strings).
    public func bodies(_ column: BodyColumn, ids: [String]) throws -> [String: String] {
        try bodies(column, ids: ids) { text, _ in UnsafeCharacters.removing(from: text)?.text ?? text }
    }

    /// A warning for every long body of `snapshot` that holds characters the reader removes
    /// (``UnsafeCharacters``), for `gongshi check`: the columns read while decoding report
    /// their own, and the bodies are only read when pages are made.
    public func unsafeCharacterWarnings(in snapshot: Snapshot) throws -> [SnapshotProblem] {
        var warnings: [SnapshotProblem] = []
        let missing = missingColumns
        for (column, batch) in Self.bodyBatches(of: snapshot) where missing[column.table]?.contains(column.column) != true {
            _ = try self.bodies(column, ids: batch) { text, id in
                if let (_, removed) = UnsafeCharacters.removing(from: text) {
                    warnings.append(SnapshotProblem(.warning, file: file, table: column.table, rowID: id, column: column.column,
                                                    UnsafeCharacters.warning(removed: removed)))
                }
                return ""
            }
        }
        return warnings.sorted { ($0.table?.rawValue ?? "", $0.rowID ?? "") < ($1.table?.rawValue ?? "", $1.rowID ?? "") }
    }

    /// The bodies of `column` for `ids`, each passed through `transform` with its row id.
    private func bodies(_ column: BodyColumn, ids: [String], _ transform: (String, String) -> String) throws -> [String: String] {
        do {
            return try readBodies(column, ids: ids, transform)
        } catch let error as DatabaseError {
            throw SnapshotOpenError(SnapshotProblem(.error, file: file, table: column.table, column: column.column, isolated: false,
                                                    Message("sqlite_read_failed", ["cause": Self.describe(error)])))
        }
    }

    private func readBodies(_ column: BodyColumn, ids: [String], _ transform: (String, String) -> String) throws -> [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(ids.count)
        try database.read { db in
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let sql = "SELECT id, \(column.column) AS body FROM \(column.table.rawValue) WHERE id IN (\(placeholders))"
                // Read with SQLite's own accessors and lengths: a C string would end at a NUL.
                let statement = try db.makeStatement(sql: sql)
                statement.arguments = StatementArguments(chunk)
                let sqlite = statement.sqliteStatement
                let rows = try Row.fetchCursor(statement)
                while try rows.next() != nil {
                    guard sqlite3_column_type(sqlite, 0) == SQLITE_TEXT else { continue }
                    let id = FieldDecoder.columnText(sqlite, 0)
                    let text = sqlite3_column_type(sqlite, 1) == SQLITE_TEXT ? FieldDecoder.columnText(sqlite, 1) : ""
                    result[id] = transform(text, id)
                }
            }
        }
        return result
    }
}
