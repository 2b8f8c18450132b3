import DemoSnapshot
import Foundation
import GRDB
import SiteOutput
import Testing

/// `gongshi rollback` after a bad export: today's site from the export before, never the
/// previous site as it was; the bad export refused afterwards.
@Suite("Rolling back a bad export", .serialized)
struct RollbackTests {
    static let binary = HostVerifyTests.binary

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProgram([Self.binary] + arguments)
    }

    @Test("rollback builds today's site from the previous export (a window closed since stays closed), sets the bad one aside, and builds refuse it")
    func rollback() throws {
        let fixture = try SiteFixture()
        let good = fixture.snapshotPath("good.sqlite"), bad = fixture.snapshotPath("bad.sqlite"), live = fixture.snapshotPath("export.sqlite")
        #expect(try run(["demo", "--out", good, "--today", "2026-12-01"]).status == 0)
        try FileManager.default.copyItem(atPath: good, toPath: bad)
        try DatabaseQueue(path: bad).write { try $0.execute(sql: "UPDATE records SET authority = '错误导出的机关'") }
        let state = fixture.folder.path("state")
        func build(_ snapshot: String, _ day: String, out: String? = nil, state: String? = nil) throws -> (status: Int32, output: String) {
            // The platform replaces its export with a rename, as the README says.
            let staged = live + ".new"
            try? FileManager.default.removeItem(atPath: staged)
            try FileManager.default.copyItem(atPath: snapshot, toPath: staged)
            _ = rename(staged, live)
            return try run(["build", "--snapshot", live, "--site", fixture.site, "--out", out ?? fixture.out, "--as-of", day]
                           + (state.map { ["--state", $0] } ?? []))
        }
        #expect(try build(good, "2026-12-01", state: state).status == 0)
        #expect(try build(bad, "2026-12-06", state: state).status == 0)
        #expect(try outputText(fixture.out).contains { $0.1.contains("错误导出的机关") })

        let rolledBack = try run(["rollback", "--site", fixture.site, "--out", fixture.out, "--state", state, "--as-of", "2026-12-06"])
        #expect(rolledBack.status == 0, "\(rolledBack.output)")
        #expect(rolledBack.output.contains("rolled back") && rolledBack.output.contains("gongshi publish"))
        // Exactly the site the good export gives for that day; not the site of 12-01.
        let reference = fixture.folder.path("reference")
        #expect(try build(good, "2026-12-06", out: reference).status == 0)
        let restored = try outputFiles(fixture.out)
        #expect(withoutNumberedSearchFiles(restored) == withoutNumberedSearchFiles(try outputFiles(reference)))
        try expectSameSearch(fixture.out, reference)
        let first = fixture.folder.path("first")
        #expect(try build(good, "2026-12-01", out: first).status == 0)
        let closedSince = Set(try outputFiles(first).keys).subtracting(restored.keys).filter { $0.hasPrefix("records/") }
        #expect(!closedSince.isEmpty, "a window closes between the two days, so the test shows it stays closed")

        // The bad export again: refused, the site untouched.
        let refused = try build(bad, "2026-12-07", state: state)
        #expect(refused.status == 1)
        #expect(refused.output.contains("turned away"), "\(refused.output)")
        #expect(try outputFiles(fixture.out) == restored)
        // A corrected export builds.
        #expect(try build(good, "2026-12-07", state: state).status == 0)
        // A second rollback has the good export as its previous one, not the bad.
        let again = try run(["rollback", "--site", fixture.site, "--out", fixture.out, "--state", state, "--as-of", "2026-12-07"])
        let leftBad = try outputText(fixture.out).contains { $0.1.contains("错误导出的机关") }
        #expect(again.status == 1 && again.output.contains("no snapshot of an earlier build"), "\(again.output)")
        #expect(!leftBad)
    }

    @Test("without two builds kept there is nothing to roll back to")
    func nothingKept() throws {
        let fixture = try SiteFixture()
        let result = try run(["rollback", "--site", fixture.site, "--out", fixture.out, "--state", fixture.folder.path("state")])
        #expect(result.status == 1)
        #expect(result.output.contains("no snapshot of an earlier build is kept"), "\(result.output)")
    }
}
