import CreditVocabulary
import DemoSnapshot
import Foundation
import Messages
import SnapshotModel
@testable import SnapshotReader
import Testing

@Suite("Snapshot reader")
struct SnapshotReaderTests {
    func openError(_ path: String) -> SnapshotProblem? {
        do {
            _ = try SnapshotReader(file: path)
            return nil
        } catch let error as SnapshotOpenError {
            return error.problem
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("a file that is missing or not SQLite gets one message naming the file")
    func notSQLite() throws {
        let folder = TemporaryFolder()
        #expect(openError(folder.path("missing.sqlite"))?.message.text(in: .english) == "no such snapshot file")
        try Data("not a database at all, just text".utf8).write(to: folder.url.appendingPathComponent("text.sqlite"))
        let problem = openError(folder.path("text.sqlite"))
        #expect(problem?.message.text(in: .english).hasPrefix("is not a readable SQLite database") == true)
        #expect(problem?.description.contains("text.sqlite") == true)
    }

    @Test("wrong format, version, missing table or column are named")
    func wrongSchema() throws {
        let folder = TemporaryFolder()
        _ = try TestSnapshotFile(at: folder.path("v2.sqlite"), meta: ["version": "2"])
        #expect(openError(folder.path("v2.sqlite"))?.column == "version")
        _ = try TestSnapshotFile(at: folder.path("fmt.sqlite"), meta: ["format": "other"])
        #expect(openError(folder.path("fmt.sqlite"))?.column == "format")
        let noTable = try TestSnapshotFile(at: folder.path("t.sqlite"))
        try noTable.execute("DROP TABLE interviews")
        #expect(openError(folder.path("t.sqlite"))?.table == .interviews)
        let noColumn = try TestSnapshotFile(at: folder.path("c.sqlite"))
        try noColumn.execute("ALTER TABLE records DROP COLUMN publish_until")
        let problem = openError(folder.path("c.sqlite"))
        #expect(problem?.table == .records && problem?.column == "publish_until")
        #expect(problem?.text(in: .english) == "error: \(folder.path("c.sqlite")): records.publish_until: column is missing [column_missing]")
        #expect(problem?.text(in: .chinese) == "错误：\(folder.path("c.sqlite"))：records.publish_until：缺少此列 [column_missing]")
    }

    @Test("every bad row is reported at once, naming table, row and column; good rows are kept")
    func badRows() throws {
        let folder = TemporaryFolder()
        // Without CHECK constraints, as a damaged export could be.
        let schema = SnapshotFormat.createSQL.replacingOccurrences(
            of: #"CHECK \([^;]*?\)\)"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"CHECK \([^,;]*?\)"#, with: "", options: .regularExpression)
        let file = try TestSnapshotFile(at: folder.path("bad.sqlite"), schema: schema)
        try file.subject("S1", name: "好公司")
        try file.subject("S2", kind: "alien", name: "怪公司")
        try file.record("R-OK", subject: "S1")
        try file.record("R-DATE", subject: "S1", ["decided_on": "2026-02-30"])
        try file.record("R-ENUM", subject: "S1", ["severity": "terrible"])
        try file.record("R-JSON", subject: "S1", ["penalty_types": "[fine"])
        try file.record("R-REF", subject: "S-MISSING")
        try file.record("R-APPROVED", subject: "S1", ["approved_on": nil])
        try file.record("R-OF-BAD-SUBJECT", subject: "S2")
        try file.insert("rectifications", ["id": "T1", "record_id": "R-OK", "requirement_md": "x", "deadline": "soon", "status": "open"])
        let reading = try SnapshotReader(file: file.path).read()
        func problem(_ id: String, _ column: String) -> Bool {
            reading.problems.contains { $0.rowID == id && $0.column == column && $0.severity == .error }
        }
        #expect(problem("R-DATE", "decided_on"))
        #expect(problem("R-ENUM", "severity"))
        #expect(problem("R-JSON", "penalty_types"))
        #expect(problem("R-REF", "subject_id"))
        #expect(problem("R-APPROVED", "approved_on"))
        #expect(problem("S2", "kind"))
        #expect(problem("T1", "deadline"))
        #expect(reading.blockingErrors.isEmpty)
        #expect(reading.snapshot.records.map(\.id) == ["R-OF-BAD-SUBJECT"])
        // R-OK is withheld because its rectification is unreadable.
        #expect(reading.snapshot.invalidRows[RowRef(.records, "R-OK")]?.text(in: .english).contains("rectifications[T1]") == true)
        #expect(reading.snapshot.namesOfInvalidSubjects == ["怪公司"])
        #expect(reading.problems.first { $0.rowID == "R-DATE" }?.text(in: .english)
                == "error: \(file.path): records[R-DATE].decided_on: '2026-02-30' is not a date YYYY-MM-DD [date_invalid]")
    }

    @Test("shared values read the same as values read one by one; a bad shared list is reported on every row")
    func internedColumnsReadTheSame() throws {
        let folder = TemporaryFolder()
        let path = folder.path("synthetic.sqlite")
        try SyntheticSnapshot.write(to: path, records: 3_000, today: CivilDate(iso: "2026-03-01")!, seed: 5)
        let reader = try SnapshotReader(file: path)
        let shared = try reader.read(interning: true)
        let single = try reader.read(interning: false)
        #expect(shared.snapshot.records == single.snapshot.records)
        #expect(shared.snapshot.subjects == single.snapshot.subjects)
        #expect(shared.snapshot.listEntries == single.snapshot.listEntries)
        #expect(shared.snapshot.reports == single.snapshot.reports)
        #expect(shared.snapshot.cases == single.snapshot.cases)
        #expect(shared.snapshot.rectifications == single.snapshot.rectifications)
        #expect(shared.snapshot.interviews == single.snapshot.interviews)
        #expect(shared.snapshot.repairActions == single.snapshot.repairActions)
        #expect(shared.problems == single.problems)

        let bad = try TestSnapshotFile(at: folder.path("bad-lists.sqlite"))
        try bad.subject("S1", name: "公司")
        for id in ["R1", "R2", "R3"] { try bad.record(id, subject: "S1", ["penalty_types": "[\"fine\",\"flogging\"]"]) }
        try bad.record("R4", subject: "S1", ["penalty_types": "[\"fine\"]"])
        let reading = try SnapshotReader(file: bad.path).read()
        #expect(reading.problems.filter { $0.column == "penalty_types" }.map(\.rowID) == ["R1", "R2", "R3"])
        #expect(reading.snapshot.records.map(\.id) == ["R4"])
    }

    @Test("an interned column keeps at most its limit of distinct values and reads every value as it is")
    func internerLimit() {
        let interner = ColumnInterner(columns: ["a"], positions: ["a": 0, "b": 1], limit: 3)
        #expect(interner.isInterned(0))
        #expect(!interner.isInterned(1))
        #expect(!interner.isInterned(7))
        for round in 0..<2 {
            for value in ["x", "y", "z", "w", "v"] {
                #expect(interner.string(value + String(round % 1), at: 0) == value + "0")
            }
        }
        interner.keep([1, 2], decodedFrom: "[1,2]", at: 0)
        #expect(interner.list("[1,2]", at: 0) == [1, 2])
        #expect((interner.list("[3]", at: 0) as [Int]?) == nil)
    }

    @Test("an unreadable override blocks the build")
    func badOverride() throws {
        let folder = TemporaryFolder()
        let file = try TestSnapshotFile(at: folder.path("o.sqlite"))
        try file.subject("S1", name: "公司")
        try file.record("R1", subject: "S1")
        try file.insert("redaction_overrides", ["id": "O1", "target_table": "records", "target_id": "R1",
                                                "field": "no_such_field", "phrase": "秘密", "reason": "trade_secret"])
        let reading = try SnapshotReader(file: file.path).read()
        #expect(reading.blockingErrors.map(\.rowID) == ["O1"])
    }

    @Test("an ID checksum failure is a warning; a USCC that fails GB 32100 or is an ID number withholds its subject")
    func checksums() throws {
        let folder = TemporaryFolder()
        let file = try TestSnapshotFile(at: folder.path("w.sqlite"))
        try file.subject("S1", name: "公司", ["uscc": "91350100M000100Y44"])
        try file.subject("P1", kind: "natural_person", name: "王小明", ["id_number": "110105194912310021"])
        try file.subject("S2", name: "公司乙", ["uscc": "11010519491231002X"])
        let reading = try SnapshotReader(file: file.path).read()
        #expect(reading.warnings.compactMap(\.column).sorted() == ["id_number"])
        #expect(reading.rowErrors.compactMap(\.rowID).sorted() == ["S1", "S2"])
        #expect(reading.rowErrors.allSatisfy { $0.column == "uscc" })
        #expect(!(reading.warnings + reading.rowErrors).contains {
            $0.message.text(in: .english).contains("110105194912310021") || $0.message.text(in: .english).contains("11010519491231002X")
        })
    }

    @Test("reading never writes: same bytes, same modification time, no journal, WAL or shm file")
    func readOnly() throws {
        let folder = TemporaryFolder()
        let path = folder.path("demo.sqlite")
        try DemoSnapshot.write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let reader = try SnapshotReader(file: path)
        let reading = try reader.read()
        _ = try reader.bodies(.recordFacts, ids: reading.snapshot.records.map(\.id))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(names == ["demo.sqlite"])
    }

    @Test("a snapshot still being written (a write-ahead log or a rollback journal beside it) is refused, naming the file",
          arguments: [("-wal", "write-ahead log"), ("-journal", "rollback journal")])
    func beingWritten(_ suffix: String, _ what: String) throws {
        let folder = TemporaryFolder()
        let path = folder.path("w.sqlite")
        try DemoSnapshot.write(to: path)
        try Data(repeating: 1, count: 64).write(to: URL(fileURLWithPath: path + suffix))
        let message = openError(path)?.text(in: .english) ?? ""
        #expect(message.contains(what) && message.contains("w.sqlite" + suffix), "\(message)")
    }

    @Test("the demo snapshot reads without errors")
    func demo() throws {
        let folder = TemporaryFolder()
        try DemoSnapshot.write(to: folder.path("demo.sqlite"))
        let reading = try SnapshotReader(file: folder.path("demo.sqlite")).read()
        #expect(reading.problems.filter { $0.severity == .error }.isEmpty, "\(reading.problems)")
        #expect(reading.snapshot.meta.isDemo)
        #expect(reading.snapshot.cases.map(\.id) == ["27-1", "3-1", "33-2", "36-3", "5-1"])
    }
}

@Suite("The contracts kept in the repository")
struct ContractCopyTests {
    @Test("the schema the demo and the tests write is the contract's snapshot-v1.sql, line by line")
    func schemaMatchesContract() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let contract = try String(contentsOf: root.appendingPathComponent("docs/spec/snapshot-v1.sql"), encoding: .utf8)
        func lines(_ text: String) -> [String] {
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        #expect(lines(SnapshotFormat.createSQL) == lines(contract))
    }
}
