import DemoSnapshot
import Foundation
import GRDB

/// A temporary folder, removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Writes a version-1 snapshot for a test: valid metadata, then whatever rows the test adds.
/// Every insert fills the required columns with plausible defaults.
struct TestSnapshotFile {
    let path: String
    let queue: DatabaseQueue

    init(at path: String, meta: [String: String] = [:], schema: String = SnapshotFormat.createSQL) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false  // tests plant dangling references on purpose
        // A test's snapshot need not survive a crash: no journal file made and removed, and no
        // fsync, for each of its thousands of one-row transactions (CI once failed a test with
        // "SQLite error 10: disk I/O error" while a 6,000-record snapshot was being written so).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: schema)
            let defaults = ["format": "credit-disclosure-snapshot", "version": "1", "exported_at": "2026-01-01T00:00:00+08:00",
                            "source": "测试市公共信用信息平台", "region_code": "350100"]
            for (key, value) in defaults.merging(meta, uniquingKeysWith: { _, new in new }) {
                try db.execute(sql: "INSERT INTO snapshot_meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }

    func insert(_ table: String, _ values: [String: (any DatabaseValueConvertible)?]) throws {
        let columns = values.keys.sorted()
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO \(table) (\(columns.joined(separator: ","))) VALUES (\(columns.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(columns.map { values[$0]! }))
        }
    }

    func execute(_ sql: String) throws {
        try queue.write { try $0.execute(sql: sql) }
    }

    func subject(_ id: String, kind: String = "legal_person", name: String, _ extra: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        try insert("subjects", ["id": id, "kind": kind, "name": name].merging(extra) { _, new in new })
    }

    func record(_ id: String, subject: String, _ extra: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        let base: [String: (any DatabaseValueConvertible)?] = [
            "id": id, "subject_id": subject, "kind": "administrative_penalty", "severity": "general",
            "procedure": "ordinary", "penalty_types": #"["fine"]"#, "decided_on": "2026-01-10",
            "authority": "测试市市场监督管理局", "facts_md": "事实。", "review_status": "approved",
            "approved_on": "2026-01-12", "scope": "public",
        ]
        try insert("records", base.merging(extra) { _, new in new })
    }

    func caseRow(_ id: String, _ extra: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        try insert("cases", ["id": id, "title": "案例\(id)", "region": "福建福州", "reported_on": "2026-01-01", "tags": "[]"]
            .merging(extra) { _, new in new })
    }

    func report(_ id: String, case caseID: String, _ extra: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        let base: [String: (any DatabaseValueConvertible)?] = [
            "id": id, "case_id": caseID, "title": "核查报告\(id)", "lead_department": "测试市发展和改革委员会",
            "methods": #"["访谈"]"#, "conclusion": "confirmed", "measures": "[]", "body_md": "报告正文。",
            "concluded_on": "2026-01-05", "review_status": "approved", "approved_on": "2026-01-06", "scope": "public",
        ]
        try insert("verification_reports", base.merging(extra) { _, new in new })
    }

    func listEntry(_ id: String, subject: String, list: String = "black", _ extra: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        let base: [String: (any DatabaseValueConvertible)?] = [
            "id": id, "subject_id": subject, "list": list, "authority": "测试市发展和改革委员会",
            "listed_on": "2026-01-15", "review_status": "approved", "approved_on": "2026-01-15", "scope": "public",
        ]
        try insert("list_entries", base.merging(extra) { _, new in new })
    }

    func commitment(_ id: String, subject: String, _ extra: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        let base: [String: (any DatabaseValueConvertible)?] = [
            "id": id, "subject_id": subject, "kind": "voluntary", "made_on": "2026-01-20", "status": "in_force",
            "body_md": "承诺。", "review_status": "approved", "approved_on": "2026-01-20", "scope": "public",
        ]
        try insert("commitments", base.merging(extra) { _, new in new })
    }
}

extension TestSnapshotFile {
    /// Two companies: S1 with `records` records R0…, S2 with R-ALONE, whose window closes on
    /// 2026-04-01 (the incremental-publishing tests).
    static func twoSubjects(at path: String, records: Int) throws -> TestSnapshotFile {
        let file = try TestSnapshotFile(at: path)
        try file.subject("S1", name: "福州甲公司")
        try file.subject("S2", name: "福州乙公司")
        for index in 0..<records { try file.record("R\(index)", subject: "S1", ["facts_md": "事实\(index)。"]) }
        try file.record("R-ALONE", subject: "S2", ["facts_md": "乙公司的事实。", "publish_until": "2026-04-01"])
        return file
    }
}

extension TestSnapshotFile {
    /// One company, S1, with R1 and R-CLOSES, whose window closes on 2026-03-01 (the
    /// publishing tests: a page that must be gone from the web host the next day).
    static func closingRecord(at path: String) throws -> TestSnapshotFile {
        let file = try TestSnapshotFile(at: path)
        try file.subject("S1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        try file.record("R1", subject: "S1")
        try file.record("R-CLOSES", subject: "S1", ["publish_until": "2026-03-01"])
        return file
    }
}
