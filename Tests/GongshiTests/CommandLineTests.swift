@testable import BuildPipeline
import CreditVocabulary
import SiteConfig
import SnapshotModel
import DemoSnapshot
import Foundation
import Testing

/// Runs the `gongshi` binary that `swift build --build-tests` builds next to the tests.
func runGongshi(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: String, error: String) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [".build/debug/gongshi", ".build/release/gongshi"].map { root.appendingPathComponent($0) }
    guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0].path])
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

@Suite("Command line")
struct CommandLineTests {
    @Test("build, check and audit exit non-zero with messages naming file, table, row and column")
    func exitStatus() throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某公司")
        try file.record("R1", subject: "S1", ["decided_on": "2026-02-30"])
        try file.record("R2", subject: "S1")

        let check = try runGongshi(["check", "--snapshot", file.path])
        #expect(check.status == 1)
        #expect(check.output.contains("\(file.path): records[R1].decided_on: '2026-02-30' is not a date"))

        let build = try runGongshi(["build", "--snapshot", file.path, "--site", fixture.site, "--out", fixture.out,
                                    "--as-of", "2026-03-01", "--report", fixture.folder.path("report.json")])
        #expect(build.status == 0, "\(build.error)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture.folder.path("report.json")))) as? [String: Any]
        #expect((report?["published"] as? [String: [String]])?["records"] == ["R2"])

        let audit = try runGongshi(["audit", "--snapshot", file.path, "--site", fixture.site, "--out", fixture.out, "--as-of", "2026-03-01"])
        #expect(audit.status == 0, "\(audit.output)")

        try FileManager.default.createDirectory(atPath: fixture.out + "/records/R1", withIntermediateDirectories: true)
        let dirty = try runGongshi(["audit", "--snapshot", file.path, "--site", fixture.site, "--out", fixture.out, "--as-of", "2026-03-01"])
        #expect(dirty.status == 1)
        #expect(dirty.output.contains("records/R1/"))

        try file.execute("DROP TABLE objections")
        try file.execute("ALTER TABLE records DROP COLUMN basis")
        try file.execute("ALTER TABLE cases DROP COLUMN domain")
        let checked = try runGongshi(["check", "--snapshot", file.path])
        #expect(checked.status == 1)
        // Every missing table and column at once.
        #expect(checked.error.contains("objections: table is missing") && checked.error.contains("records.basis: column is missing")
            && checked.error.contains("cases.domain: column is missing"), "\(checked.error)")
        let broken = try runGongshi(["build", "--snapshot", file.path, "--site", fixture.site, "--out", fixture.out])
        #expect(broken.status == 1)
        #expect(broken.error.contains("objections: table is missing"))
        #expect(broken.error.contains("unchanged"))
        #expect(broken.error.contains("gongshi: error: ") && !broken.error.contains("error: error:"), "\(broken.error)")
    }

    @Test("demo writes a snapshot that builds")
    func demo() throws {
        let fixture = try SiteFixture()
        let result = try runGongshi(["demo", "--out", fixture.snapshotPath("demo.sqlite"), "--today", "2026-11-24"])
        #expect(result.status == 0)
        let build = try runGongshi(["build", "--snapshot", fixture.snapshotPath("demo.sqlite"), "--site", fixture.site,
                                    "--out", fixture.out, "--as-of", "2026-11-24"])
        #expect(build.status == 0)
        #expect(build.output.contains("next change on 2026-11-27"))
    }
}

@Suite("Build warnings: alike problems in one line")
struct WarningSummaryTests {
    @Test("more than three problems of one kind become one line with the count; others stay one per line")
    func grouping() {
        var problems = (1...5).map { index in
            SnapshotProblem(.warning, file: "s.sqlite", table: .records, rowID: "R\(index)", column: "repaired_on",
                            "repair on 2026-0\(index)-01 is before the minimum period ends on 2027-01-1\(index)")
        }
        problems.append(SnapshotProblem(.warning, file: "s.sqlite", table: .records, rowID: "R9", column: "decided_on", "2062-01-10 is a typing slip"))
        problems += (1...2).map { SnapshotProblem(.warning, file: "s.sqlite", table: .listEntries, rowID: "L\($0)", column: "removed_on", "removal on 2024-10-1\($0)") }
        let lines = WarningSummary.lines(problems)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines[0].contains("records.repaired_on: 5 rows, such as records[R1], records[R2], records[R3] (and 2 more"))
        #expect(lines[1] == problems[5].description)
        #expect(lines[2] == problems[6].description && lines[3] == problems[7].description)

        // A site that expects the early repairs: one counting line at the end instead; errors
        // at an expected place are still printed.
        let errors = [SnapshotProblem(.error, file: "s.sqlite", table: .records, rowID: "R7", column: "repaired_on", "not a date")]
        let quiet = WarningSummary.lines(problems + errors, expected: ["records.repaired_on"])
        #expect(quiet.count == 5 && !quiet.contains { $0.contains("such as records[R1]") }, "\(quiet)")
        #expect(quiet.contains(errors[0].description))
        #expect(quiet.last == "info: 5 expected warnings (records.repaired_on, site.toml [warnings] expected) not shown; check and the build report list them")
    }

    @Test("[warnings] expected: a list of table.column texts")
    func expectedSetting() throws {
        let configuration = try SiteConfiguration(toml: try TOMLSubsetParser.parse("[warnings]\nexpected = [\"records.repaired_on\", \"list_entries.removed_on\"]"))
        #expect(configuration.expectedWarnings == ["records.repaired_on", "list_entries.removed_on"])
        for bad in ["[warnings]\nexpected = \"records.repaired_on\"", "[warnings]\nexpected = [\"repaired_on\"]", "[warnings]\nquiet = true"] {
            #expect(throws: SiteFolderError.self) { try SiteConfiguration(toml: try TOMLSubsetParser.parse(bad)) }
        }
    }
}

@Suite("Build progress")
struct BuildProgressTests {
    @Test("on a terminal a redrawn line with the stage and pages; in a pipe one start line and no control characters")
    func terminalAndPipe() throws {
        let folder = TemporaryFolder()
        let snapshot = folder.path("s.sqlite")
        try SyntheticSnapshot.write(to: snapshot, records: 4000, today: CivilDate(iso: "2026-06-01")!, seed: 3)
        let site = try SiteFixture()
        // `script` gives the build a terminal and records what it drew.
        let typescript = folder.path("typescript")
        let command = [HostVerifyTests.binary, "build", "--snapshot", snapshot, "--site", site.site, "--out", folder.path("tty"),
                       "--as-of", "2026-06-01"].joined(separator: " ")
        let tty = try runProgram(["/usr/bin/script", "-qfec", command, typescript])
        #expect(tty.status == 0, "\(tty.output)")
        let drawn = try String(contentsOfFile: typescript, encoding: .utf8)
        #expect(drawn.contains("\r\u{1B}[K[") && drawn.contains("生成页面：已生成 "), "\(drawn.prefix(2000))")
        #expect(drawn.contains("gongshi: built "), "the summary after the line")
        // In a pipe: the start line, the summary, nothing redrawn.
        let piped = try runGongshi(["build", "--snapshot", snapshot, "--site", site.site, "--out", folder.path("pipe"), "--as-of", "2026-06-01"])
        #expect(piped.status == 0)
        #expect(piped.error.contains("gongshi: 开始构建 \(snapshot)（2026-06-01，public）"), "\(piped.error)")
        #expect(!piped.error.contains("\u{1B}") && !piped.error.contains("\r") && !piped.output.contains("\u{1B}"))
    }

    @Test("the line: stage, pages made and kept, grouped digits")
    func line() {
        let progress = BuildProgress(descriptor: -1, terminal: false)
        #expect(progress.line().hasSuffix("读取快照"))
        progress.stage(BuildProgress.pagesStage)
        progress.counted(made: 12_345, kept: 1_000)
        #expect(progress.line().contains("生成页面：已生成 12,345 页，沿用 1,000 页"), "\(progress.line())")
        #expect(BuildProgress.grouped(1_234_567) == "1,234,567" && BuildProgress.grouped(999) == "999")
    }
}
