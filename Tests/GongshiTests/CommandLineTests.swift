@testable import BuildPipeline
import CreditVocabulary
import SiteConfig
import SnapshotModel
import DemoSnapshot
import Foundation
import Messages
import Testing

/// Runs the `gongshi` binary that `swift build --build-tests` builds next to the tests.
func runGongshi(_ arguments: [String], in folder: URL? = nil, locale: String = "C.UTF-8") throws -> (status: Int32, output: String, error: String) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [".build/debug/gongshi", ".build/release/gongshi"].map { root.appendingPathComponent($0) }
    guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0].path])
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = environment(locale: locale)
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
        // Every missing table and column at once, and the rows' problems of what is there.
        #expect(checked.output.contains("objections: table is missing") && checked.output.contains("records.basis: column is missing")
            && checked.output.contains("cases.domain: column is missing"), "\(checked.output)")
        #expect(checked.output.contains("records[R1].decided_on: '2026-02-30' is not a date YYYY-MM-DD [date_invalid]"), "\(checked.output)")
        #expect(checked.output.contains(": 4 errors (3 blocking the build, 1 withholding rows), 0 warnings"), "\(checked.output)")
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
    @Test("more than three problems of one kind become one line with the count, in either language; others stay one per line")
    func grouping() {
        var problems = (1...5).map { index in
            SnapshotProblem(.warning, file: "s.sqlite", table: .records, rowID: "R\(index)", column: "repaired_on",
                            Message("repair_before_minimum", ["repaired": "2026-0\(index)-01", "earliest": "2027-01-1\(index)"]))
        }
        problems.append(SnapshotProblem(.warning, file: "s.sqlite", table: .records, rowID: "R9", column: "decided_on",
                                        Message("date_far_future", ["date": "2062-01-10", "asOf": "2026-01-10"])))
        problems += (1...2).map {
            SnapshotProblem(.warning, file: "s.sqlite", table: .listEntries, rowID: "L\($0)", column: "removed_on",
                            Message("removal_before_minimum", ["removed": "2024-10-1\($0)", "earliest": "2025-10-1\($0)"]))
        }
        let lines = WarningSummary.notices(problems).map { $0.text(in: .english) }
        #expect(lines.count == 4, "\(lines)")
        #expect(lines[0].hasPrefix("warning: s.sqlite: records.repaired_on: 5 rows, such as records[R1], records[R2], records[R3] (and 2 more"))
        #expect(lines[0].hasSuffix("repair on 2026-01-01 is before the minimum period ends on 2027-01-11; the record stops being shown on 2026-01-01 [repair_before_minimum]"))
        #expect(lines[1] == problems[5].text(in: .english))
        #expect(lines[2] == problems[6].text(in: .english) && lines[3] == problems[7].text(in: .english))
        let chinese = WarningSummary.notices(problems).map { $0.text(in: .chinese) }
        #expect(chinese[0].hasPrefix("警告：s.sqlite：records.repaired_on：5 行，如 records[R1], records[R2], records[R3]（另有 2 行"), "\(chinese)")
        #expect(chinese[0].hasSuffix("信用修复日期 2026-01-01 早于最短公示期届满日 2027-01-11；该记录自 2026-01-01 起停止公示 [repair_before_minimum]"))
        #expect(chinese[1] == "警告：s.sqlite：records[R9].decided_on：2062-01-10 比基准日 2026-01-10 晚一年以上，是否录入有误？该行在那天之前不会公示 [date_far_future]")

        // A site that expects the early repairs: one counting line at the end instead; errors
        // at an expected place are still printed.
        let errors = [SnapshotProblem(.error, file: "s.sqlite", table: .records, rowID: "R7", column: "repaired_on",
                                      Message("date_invalid", ["value": "'x'"]))]
        let quiet = WarningSummary.notices(problems + errors, expected: ["records.repaired_on"])
        let quietLines = quiet.map { $0.text(in: .english) }
        #expect(quiet.count == 5 && !quietLines.contains { $0.contains("such as records[R1]") }, "\(quietLines)")
        #expect(quietLines.contains(errors[0].text(in: .english)))
        #expect(quietLines.last == "5 expected warnings (records.repaired_on, site.toml [warnings] expected) not shown; check and the build report list them")
        #expect(quiet.last?.isWarning == false && quiet.dropLast().allSatisfy(\.isWarning))
    }

    @Test("[warnings] expected: a list of table.column texts")
    func expectedSetting() throws {
        let configuration = try SiteConfiguration(toml: try SiteTOML.parse("[warnings]\nexpected = [\"records.repaired_on\", \"list_entries.removed_on\"]"))
        #expect(configuration.expectedWarnings == ["records.repaired_on", "list_entries.removed_on"])
        for bad in ["[warnings]\nexpected = \"records.repaired_on\"", "[warnings]\nexpected = [\"repaired_on\"]", "[warnings]\nquiet = true"] {
            #expect(throws: SiteFolderError.self) { try SiteConfiguration(toml: try SiteTOML.parse(bad)) }
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
        let tty = try runProgram(["/usr/bin/script", "-qfec", command, typescript], locale: "zh_CN.UTF-8")
        #expect(tty.status == 0, "\(tty.output)")
        let drawn = try String(contentsOfFile: typescript, encoding: .utf8)
        #expect(drawn.contains("\r\u{1B}[K[") && drawn.contains("生成页面：已生成 "), "\(drawn.prefix(2000))")
        #expect(drawn.contains("gongshi: 已为 2026-06-01（public）生成 "), "the summary after the line")
        // In a pipe: the start line, the summary, nothing redrawn.
        let piped = try runGongshi(["build", "--snapshot", snapshot, "--site", site.site, "--out", folder.path("pipe"), "--as-of", "2026-06-01"])
        #expect(piped.status == 0)
        #expect(piped.error.contains("gongshi: building \(snapshot) (2026-06-01, public)"), "\(piped.error)")
        #expect(!piped.error.contains("\u{1B}") && !piped.error.contains("\r") && !piped.output.contains("\u{1B}"))
    }

    @Test("the line: stage, pages made and kept, grouped digits")
    func line() {
        let progress = BuildProgress(descriptor: -1, terminal: false, language: .chinese)
        #expect(progress.line().hasSuffix("读取快照"))
        progress.stage(BuildProgress.pagesStage)
        progress.counted(made: 12_345, kept: 1_000)
        #expect(progress.line().contains("生成页面：已生成 12,345 页，沿用 1,000 页"), "\(progress.line())")
        let english = BuildProgress(descriptor: -1, terminal: false, language: .english)
        english.stage(BuildProgress.pagesStage)
        english.counted(made: 12_345, kept: 1_000)
        #expect(english.line().contains("making pages: 12,345 pages made, 1,000 kept"), "\(english.line())")
        #expect(BuildProgress.grouped(1_234_567) == "1,234,567" && BuildProgress.grouped(999) == "999")
    }
}

@Suite("Messages in Chinese by default, in English for LANG=C")
struct CommandLanguageTests {
    @Test("demo, check, build, audit and schedule speak the locale's language; codes stay in brackets")
    func bothLanguages() throws {
        let fixture = try SiteFixture()
        let snapshot = fixture.snapshotPath("demo.sqlite")
        let zh = "zh_CN.UTF-8", en = "C.UTF-8"
        #expect(try runGongshi(["demo", "--out", snapshot, "--today", "2026-11-24"], locale: zh).output
            == "gongshi: 已将演示快照写入 \(snapshot)\n")
        #expect(try runGongshi(["demo", "--out", snapshot, "--today", "2026-11-24"], locale: en).output
            == "gongshi: wrote the demo snapshot to \(snapshot)\n")

        let checkZH = try runGongshi(["check", "--snapshot", snapshot], locale: zh)
        #expect(checkZH.status == 0 && checkZH.output.hasSuffix("\(snapshot)：0 个错误（0 个阻止构建，0 个使相关行不予公示），0 个警告\n"), "\(checkZH.output)")
        let checkEN = try runGongshi(["check", "--snapshot", snapshot], locale: en)
        #expect(checkEN.output.hasSuffix("\(snapshot): 0 errors (0 blocking the build, 0 withholding rows), 0 warnings\n"), "\(checkEN.output)")

        let build = ["build", "--snapshot", snapshot, "--site", fixture.site, "--out", fixture.out, "--as-of", "2026-11-24"]
        let buildZH = try runGongshi(build, locale: zh)
        #expect(buildZH.status == 0)
        #expect(buildZH.output.contains("gongshi: 已为 2026-11-24（public）生成 ") && buildZH.output.contains("行不予公示\n"), "\(buildZH.output)")
        #expect(buildZH.output.contains("gongshi: 已发布到 \(fixture.out)：新增 ") && buildZH.output.contains("gongshi: 下次变化日期：2026-11-27"))
        #expect(buildZH.error.contains("gongshi: 开始构建 \(snapshot)（2026-11-24，public）→ \(fixture.out)"), "\(buildZH.error)")
        let buildEN = try runGongshi(build, locale: en)
        #expect(buildEN.output.contains("gongshi: nothing changed since the last build; \(fixture.out) is untouched"), "\(buildEN.output)")
        #expect(buildEN.output.contains("gongshi: next change on 2026-11-27"))
        #expect(try runGongshi(build, locale: zh).output.contains("gongshi: 自上次构建以来没有变化；\(fixture.out) 未改动"))

        let audit = ["audit", "--snapshot", snapshot, "--site", fixture.site, "--out", fixture.out, "--as-of", "2026-11-24"]
        #expect(try runGongshi(audit, locale: zh).output == "gongshi: \(fixture.out) 审计通过：未发现问题\n")
        #expect(try runGongshi(audit, locale: en).output == "gongshi: audit of \(fixture.out): clean\n")
        try FileManager.default.createDirectory(atPath: fixture.out + "/records/R-NEVER", withIntermediateDirectories: true)
        let dirty = try runGongshi(audit, locale: zh)
        #expect(dirty.status == 1 && dirty.output.contains("records/R-NEVER/：不应公示的行的页面 [audit_row_page]"), "\(dirty.output)")
        #expect(dirty.error.contains("审计发现 1 个问题；请勿发布"), "\(dirty.error)")

        let schedule = ["schedule", "--snapshot", snapshot, "--site", fixture.site, "--from", "2026-11-24", "--days", "5"]
        let scheduleZH = try runGongshi(schedule, locale: zh).output
        let scheduleEN = try runGongshi(schedule, locale: en).output
        #expect(scheduleZH.contains("2026-11-27（星期五）") && scheduleEN.contains("2026-11-27 (Fri)"), "\(scheduleZH)\n\(scheduleEN)")
        #expect(scheduleZH.contains("  + 开始公示 ") && scheduleEN.contains("  + appears "), "\(scheduleEN)")

        // Failures: the program's name, the severity once, the place, the message, the code.
        let missing = ["build", "--snapshot", fixture.folder.path("none.sqlite"), "--site", fixture.site, "--out", fixture.out]
        let failedZH = try runGongshi(missing, locale: zh)
        #expect(failedZH.status == 1 && failedZH.error.contains("gongshi: 错误：\(fixture.folder.path("none.sqlite"))：快照文件不存在 [snapshot_missing]"))
        #expect(failedZH.error.contains("gongshi: 未发布任何内容；\(fixture.out) 保持不变"), "\(failedZH.error)")
        let failedEN = try runGongshi(missing, locale: en)
        #expect(failedEN.error.contains("gongshi: error: \(fixture.folder.path("none.sqlite")): no such snapshot file [snapshot_missing]"))
        #expect(failedEN.error.contains("gongshi: nothing was published; \(fixture.out) is unchanged"), "\(failedEN.error)")

        // publish, verify, rollback and preview-user, each in both languages.
        let publish = ["publish", "--out", fixture.out, "--site", fixture.site]
        #expect(try runGongshi(publish, locale: zh).error == "gongshi: 错误：没有发布目标：请在 site.toml 的 [publish] 表中设置 to，或用 --to 指定 [publish_no_destination]\n")
        #expect(try runGongshi(publish, locale: en).error == "gongshi: error: no destination: set `to` in site.toml's [publish] table, or give --to [publish_no_destination]\n")
        let verify = ["verify", "--out", fixture.out, "--base-url", "ftp://example.gov.cn/"]
        #expect(try runGongshi(verify, locale: zh).error.contains("gongshi: 错误：ftp://example.gov.cn/ 不是 http(s) 地址 [not_http_address]"))
        #expect(try runGongshi(verify, locale: en).error.contains("gongshi: error: ftp://example.gov.cn/ is not an http(s) address [not_http_address]"))
        let rollback = ["rollback", "--state", fixture.folder.path("state"), "--out", fixture.out, "--site", fixture.site]
        #expect(try runGongshi(rollback, locale: zh).error.contains("没有保留更早构建的快照（回退需要两次使用 --state"), "rollback")
        #expect(try runGongshi(rollback, locale: en).error.contains("no snapshot of an earlier build is kept"))
        let short = try runProgram([HostVerifyTests.binary, "preview-user", "add", "陈审核", "--users", fixture.folder.path("users")], locale: zh)
        #expect(short.output.contains("gongshi: 错误：标准输入中没有密码 [password_missing]"), "\(short.output)")
        let shortEN = try runProgram([HostVerifyTests.binary, "preview-user", "add", "陈审核", "--users", fixture.folder.path("users")], locale: en)
        #expect(shortEN.output.contains("gongshi: error: no password on standard input [password_missing]"), "\(shortEN.output)")

        // A command line ArgumentParser refuses: said in Chinese first; our own checks in Chinese.
        let typo = try runGongshi(["build", "--snapshto", snapshot], locale: zh)
        #expect(typo.status == 64 && typo.error.hasPrefix("gongshi: 错误：命令行有误") && typo.error.contains("[usage_error]") && typo.error.contains("--snapshot <snapshot>"), "\(typo.error)")
        #expect(!(try runGongshi(["build", "--snapshto", snapshot], locale: en).error.contains("命令行")))
        #expect(try runGongshi(["schedule", "--snapshot", snapshot, "--days", "0"], locale: zh).error.contains("--days 应在 1 至 3660 之间"))

        try "title = \"x\"\n[policy]\nobjections = \"ignore\"\n".write(toFile: fixture.site + "/site.toml", atomically: true, encoding: .utf8)
        let site = try runGongshi(["check", "--snapshot", snapshot, "--site", fixture.site], locale: zh)
        #expect(site.status == 1 && site.error.contains("gongshi: 错误：\(fixture.site)/site.toml 第 3 行：policy.objections 应为 \"suspend\" 或 \"annotate\" [site_objections_mode]"),
                "\(site.error)")
    }

    @Test("check lists three structure problems and the rows' problems at once, grouped by kind, and as JSON")
    func checkEverything() throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某公司")
        for index in 1...6 { try file.record("R\(index)", subject: "S1", ["decided_on": "2026-02-3\(index % 2)"]) }
        try file.record("R9", subject: "S-GONE")
        try file.execute("DROP TABLE interviews")
        try file.execute("ALTER TABLE records DROP COLUMN outcome")
        try file.execute("ALTER TABLE list_entries DROP COLUMN domain")
        let text = try runGongshi(["check", "--snapshot", file.path], locale: "zh_CN.UTF-8")
        #expect(text.status == 1)
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasSuffix("[column_missing]") || $0.hasSuffix("[table_missing]") }.count == 3, "\(lines)")
        #expect(lines.contains { $0.contains("interviews：缺少此表") } && lines.contains { $0.contains("records.outcome：缺少此列") }
            && lines.contains { $0.contains("list_entries.domain：缺少此列") }, "\(lines)")
        // Six bad dates are one kind (they differ in digits only): one line with the count and
        // the first ids; the row that refers to a missing subject is a kind of its own.
        #expect(lines.contains("错误：\(file.path)：records.decided_on：6 行，如 records[R1], records[R2], records[R3]（另有 3 行，加 --all 逐一列出）：'2026-02-31' 不是 YYYY-MM-DD 格式的日期 [date_invalid]"),
                "\(lines)")
        #expect(lines.contains { $0.contains("records[R9].subject_id：引用的 subjects[S-GONE] 不存在 [reference_missing]") }, "\(lines)")
        #expect(lines.last == "\(file.path)：10 个错误（3 个阻止构建，7 个使相关行不予公示），0 个警告", "\(lines)")

        let all = try runGongshi(["check", "--snapshot", file.path, "--all"], locale: "C.UTF-8").output
        #expect(all.split(separator: "\n").filter { $0.contains("[date_invalid]") }.count == 6, "\(all)")
        #expect(all.contains("error: \(file.path): records[R2].decided_on: '2026-02-30' is not a date YYYY-MM-DD [date_invalid]"), "\(all)")

        let json = try runGongshi(["check", "--snapshot", file.path, "--json"], locale: "zh_CN.UTF-8")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(document["errors"] as? Int == 10 && document["blocking"] as? Int == 3)
        let schema = try #require(document["schema"] as? [[String: Any]])
        #expect(Set(schema.compactMap { $0["code"] as? String }) == ["table_missing", "column_missing"] && schema.count == 3)
        let problems = try #require(document["problems"] as? [[String: Any]])
        #expect(problems.count == 7 && problems.allSatisfy { $0["message"] is String && $0["text"] is String && $0["code"] is String })
        #expect(problems.contains { $0["id"] as? String == "R9" && $0["column"] as? String == "subject_id" && $0["code"] as? String == "reference_missing" })
        let kinds = try #require(document["kinds"] as? [[String: Any]])
        #expect(kinds.contains { $0["code"] as? String == "date_invalid" && $0["count"] as? Int == 6 && ($0["first_ids"] as? [String])?.count == 5 })
    }
}
