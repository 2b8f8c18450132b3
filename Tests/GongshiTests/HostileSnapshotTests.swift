import CreditVocabulary
import DemoSnapshot
import Foundation
import Messages
import BuildPipeline
import Redaction
import SiteOutput
import SnapshotModel
@testable import SnapshotReader
import Testing

/// Snapshots with one damaged or hostile row each, the rest normal (issue: hostile input):
/// `check` names the row and column, and the build publishes everything else.
@Suite("Snapshot reader: hostile and damaged rows")
struct HostileSnapshotTests {
    let asOf = CivilDate(iso: "2026-03-01")!

    /// The schema without primary keys, as a platform export without constraints writes it.
    static let schemaWithoutKeys = SnapshotFormat.createSQL
        .replacingOccurrences(of: ",\n  PRIMARY KEY (case_id, subject_id)", with: "")
        .replacingOccurrences(of: " PRIMARY KEY", with: "")

    /// A normal snapshot of one company with three records, `R0`…`R2`.
    func normal(_ path: String, schema: String = SnapshotFormat.createSQL) throws -> TestSnapshotFile {
        let file = try TestSnapshotFile(at: path, schema: schema)
        try file.subject("C1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        for index in 0..<3 { try file.record("R\(index)", subject: "C1") }
        return file
    }

    func problems(_ path: String) throws -> [SnapshotProblem] {
        try SnapshotReader(file: path).read().problems
    }

    func build(_ fixture: SiteFixture, full: Bool = false, out: String? = nil) async throws -> [String: Data] {
        var options = BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: out ?? fixture.out, asOf: asOf)
        options.full = full
        try await SiteBuilder.build(options)
        return try outputFiles(out ?? fixture.out)
    }

    @Test("a date far in the future or before 1949 is a row error; the rest is built; date arithmetic never traps")
    func implausibleDates() async throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath())
        try file.record("R-9997", subject: "C1", ["decided_on": "9997-01-01", "severity": "serious"])
        try file.record("R-1900", subject: "C1", ["decided_on": "1900-05-01"])
        try file.listEntry("L-9999", subject: "C1", ["listed_on": "9999-01-01"])
        let found = try problems(fixture.snapshotPath())
        #expect(found.contains { $0.rowID == "R-9997" && $0.column == "decided_on" && $0.severity == .error })
        #expect(found.contains { $0.rowID == "R-1900" && $0.column == "decided_on" && $0.severity == .error })
        #expect(found.contains { $0.rowID == "L-9999" && $0.column == "listed_on" })
        try file.record("R-2062", subject: "C1", ["decided_on": "2062-01-10"])
        var warnings: [String] = []
        var options = BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: asOf)
        options.full = true
        try await SiteBuilder.build(options) { warnings.append($0.text(in: .english)) }
        #expect(warnings.contains { $0.contains("records[R-2062].decided_on") && $0.contains("typing slip") }, "\(warnings)")
        #expect(!warnings.contains { $0.contains("records[R0]") })
        let files = try outputFiles(fixture.out)
        #expect(files.keys.contains("records/R0/index.html"))
        #expect(!files.keys.contains { $0.hasPrefix("records/R-9997/") })
        // Arithmetic at the ends of the calendar holds to its ends.
        let last = CivilDate(iso: "9999-12-20")!
        #expect(last.adding(days: 30) == CivilDate.latest)
        #expect(CivilDate(iso: "9997-01-01")!.adding(years: 5) == CivilDate.latest)
        #expect(CivilDate(iso: "9999-12-31")!.adding(months: 1) == CivilDate.latest)
        #expect(CivilDate.earliest.adding(days: -1) == CivilDate.earliest)
        #expect(CivilDate.earliest.adding(months: -13) == CivilDate.earliest)
        #expect(CivilDate(iso: "2026-01-31")!.adding(days: Int.max) == CivilDate.latest)
        #expect(CivilDate(iso: "2026-01-31")!.adding(months: Int.min) == CivilDate.earliest)
    }

    @Test("duplicate primary keys: every copy is withheld and named; full and incremental builds agree")
    func duplicateKeys() async throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath(), schema: Self.schemaWithoutKeys)
        try file.record("R1", subject: "C1", ["authority": "另一个机关"])
        try file.subject("C1", name: "另一家公司")
        try file.record("R-OTHER", subject: "C2")
        try file.subject("C2", name: "福州第二有限公司")
        let found = try problems(fixture.snapshotPath())
        let duplicates = found.filter { $0.message.text(in: .english).contains("appears 2 times") }
        #expect(duplicates.filter { $0.table == .records && $0.rowID == "R1" }.count == 2)
        #expect(duplicates.contains { $0.table == .subjects && $0.rowID == "C1" })
        let incremental = try await build(fixture)
        #expect(incremental.keys.contains("records/R-OTHER/index.html"))
        #expect(!incremental.keys.contains { $0.hasPrefix("records/R1/") || $0.hasPrefix("records/R0/") },
                "C1's records go with C1, which is duplicated")
        let again = try await build(fixture)
        let full = try await build(fixture, full: true, out: fixture.folder.path("full"))
        #expect(again == incremental)
        #expect(full == incremental)
    }

    @Test("a row id too long for a file name gets a hashed page address, and the build goes on")
    func longID() async throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath())
        let long = String(repeating: "A", count: 256)
        try file.record(long, subject: "C1")
        let files = try await build(fixture)
        let pages = files.keys.filter { $0.hasPrefix("records/x-") }
        #expect(pages.count == 1)
        #expect(!files.keys.contains { $0.contains(long) })
        #expect(PublicPath.segment(forRowID: String(repeating: "A", count: 64)) == String(repeating: "A", count: 64))
        #expect(PublicPath.segment(forRowID: String(repeating: "A", count: 65)).hasPrefix("x-"))
    }

    @Test("NUL, other control characters, bidi controls, line separators and bytes that are not UTF-8 are removed and reported")
    func unsafeCharacters() async throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath())
        try file.record("R-NUL", subject: "C1", ["basis": "依据\u{2028}第一条\u{1B}[31m"])
        // Through SQL: a bound Swift string would end at the NUL.
        try file.execute("""
            UPDATE records SET authority = '福州市' || char(0) || '市场监督管理局' || char(0x202E) || '局理管',
              facts_md = '事实' || char(0) || '之后的文字' || char(0x2066) || '仍然在。',
              outcome = CAST(X'E7BB93E69E9CFF' AS TEXT) WHERE id = 'R-NUL'
            """)
        let found = try problems(fixture.snapshotPath()).filter { $0.rowID == "R-NUL" }
        #expect(Set(found.compactMap(\.column)) == ["authority", "basis", "outcome"], "\(found)")
        #expect(found.allSatisfy { $0.severity == .warning })
        // The long bodies are reported by `check`, which reads them too.
        let reader = try SnapshotReader(file: fixture.snapshotPath())
        let bodies = try reader.unsafeCharacterWarnings(in: reader.read().snapshot)
        #expect(bodies.map { "\($0.rowID ?? "")/\($0.column ?? "")" } == ["R-NUL/facts_md"], "\(bodies)")
        let files = try await build(fixture)
        let page = try #require(files["records/R-NUL/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("福州市市场监督管理局局理管"))
        #expect(page.contains("事实之后的文字仍然在。"), "the text after a NUL stays")
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { UnsafeCharacters.isUnsafe($0) }, "\(path)")
        }
    }

    @Test("a cycle of corrections is an error naming its reports; an objection resolved before it was filed is reported")
    func cyclesAndOrder() throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath())
        try file.caseRow("K1")
        try file.report("V1", case: "K1", ["supersedes": "V2"])
        try file.report("V2", case: "K1", ["supersedes": "V1"])
        try file.report("V3", case: "K1")
        try file.insert("objections", ["id": "O1", "target_table": "records", "target_id": "R0", "filed_on": "2026-02-10",
                                       "status": "rejected", "resolved_on": "2026-02-01"])
        let found = try problems(fixture.snapshotPath())
        for id in ["V1", "V2"] {
            #expect(found.contains { $0.rowID == id && $0.column == "supersedes" && $0.message.text(in: .english).contains("cycle")
                && $0.message.text(in: .english).contains("verification_reports[V1]") && $0.message.text(in: .english).contains("verification_reports[V2]") })
        }
        #expect(!found.contains { $0.rowID == "V3" })
        #expect(found.contains { $0.rowID == "O1" && $0.column == "resolved_on" })
    }

    @Test("a region code that is not six digits is reported and never reaches a page")
    func badRegionCode() async throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath())
        try file.execute(#"UPDATE subjects SET region_code = '350102"><script>x</script>' WHERE id = 'C1'"#)
        let found = try problems(fixture.snapshotPath())
        #expect(found.contains { $0.rowID == "C1" && $0.column == "region_code" })
        let files = try await build(fixture)
        #expect(files.keys.contains("records/R0/index.html"))
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("<script>x") })
    }

    @Test("a damaged page is reported with the file's name, not as a bare SQLite error")
    func damagedPage() throws {
        let folder = TemporaryFolder()
        let path = folder.path("d.sqlite")
        let file = try TestSnapshotFile(at: path)
        try file.subject("C1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        for index in 0..<400 {
            try file.record("R\(index)", subject: "C1", ["facts_md": String(repeating: "事实。", count: 50)])
        }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        // Garbage over pages in the second half of the file: the records' leaves.
        try handle.seek(toOffset: size / 2)
        handle.write(Data(repeating: 0xA5, count: 16_384))
        try handle.close()
        do {
            let reader = try SnapshotReader(file: path)
            let reading = try reader.read()
            _ = try reader.bodies(.recordFacts, ids: reading.snapshot.records.map(\.id))
            Issue.record("a damaged snapshot was read without an error")
        } catch let error as SnapshotOpenError {
            #expect(error.description.contains("d.sqlite"), "\(error)")
            #expect(error.problem.message.text(in: .english).contains("SQLite"), "\(error)")
        }
    }

    @Test("an image in a snapshot's Markdown becomes its alt text: no page loads anything from another host")
    func imagesBecomeText() async throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath())
        try file.record("R-IMG", subject: "C1", ["facts_md": "现场照片：![执法现场照片](https://img.example.cn/a.png?u=1)，[![内层](https://x.example.cn/b.png)](https://a.example.cn/)。"])
        let files = try await build(fixture)
        let page = try #require(files["records/R-IMG/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("执法现场照片") && page.contains("内层"))
        #expect(!page.contains("img.example.cn") && !page.contains("x.example.cn"))
        for (path, data) in files where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("<img"), "\(path)")
        }
    }

    @Test("a Markdown field over the length limit withholds its row, naming the column and the limit")
    func overlongField() async throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath())
        try file.record("R-LONG", subject: "C1")
        try file.execute("UPDATE records SET facts_md = replace(hex(zeroblob(300000)), '00', '事') WHERE id = 'R-LONG'")
        let found = try problems(fixture.snapshotPath()).filter { $0.rowID == "R-LONG" }
        #expect(found.contains { $0.column == "facts_md" && $0.severity == .error && $0.message.text(in: .english).contains("262144") }, "\(found)")
        let files = try await build(fixture)
        #expect(files.keys.contains("records/R0/index.html"))
        #expect(!files.keys.contains { $0.hasPrefix("records/R-LONG/") })
    }

    @Test("a site sets its own limit for Markdown fields; build and reader agree")
    func siteLimit() async throws {
        let fixture = try SiteFixture(toml: SiteFixture.defaultTOML + "\n[limits]\nmarkdown_field_characters = 1000\n")
        let file = try normal(fixture.snapshotPath())
        try file.record("R-2000", subject: "C1", ["facts_md": String(repeating: "事", count: 2000)])
        try file.record("R-900", subject: "C1", ["facts_md": String(repeating: "事", count: 900)])
        let files = try await build(fixture)
        #expect(!files.keys.contains { $0.hasPrefix("records/R-2000/") })
        #expect(files.keys.contains("records/R-900/index.html"))
        let found = try SnapshotReader(file: fixture.snapshotPath(), maximumBodyCharacters: 1000).read().problems
        #expect(found.contains { $0.rowID == "R-2000" && $0.message.text(in: .english).contains("limits.markdown_field_characters") })
        #expect(try problems(fixture.snapshotPath()).allSatisfy { $0.rowID != "R-2000" }, "the built-in limit is higher")
    }

    @Test("a snapshot holding every hostile row at once: full and incremental builds publish the same bytes")
    func fullEqualsIncremental() async throws {
        let fixture = try SiteFixture()
        let file = try normal(fixture.snapshotPath(), schema: Self.schemaWithoutKeys)
        try file.record("R1", subject: "C1", ["authority": "另一个机关"])
        try file.record(String(repeating: "B", count: 300), subject: "C1")
        try file.record("R-9997", subject: "C1", ["decided_on": "9997-01-01"])
        try file.record("R-IMG", subject: "C1", ["facts_md": "![照片](https://img.example.cn/a.png) " + String(repeating: "www._", count: 2000)])
        try file.record("R-NUL", subject: "C1")
        try file.execute("UPDATE records SET facts_md = '事实' || char(0) || '之后' || char(0x202E) || '。' WHERE id = 'R-NUL'")
        try file.caseRow("K1")
        try file.report("V1", case: "K1", ["supersedes": "V2"])
        try file.report("V2", case: "K1", ["supersedes": "V1"])
        let first = try await build(fixture)
        let again = try await build(fixture)
        let full = try await build(fixture, full: true, out: fixture.folder.path("full"))
        #expect(first == again)
        #expect(full == first)
        #expect(first.keys.contains("records/R-IMG/index.html") && first.keys.contains("records/R-NUL/index.html"))
    }
}
