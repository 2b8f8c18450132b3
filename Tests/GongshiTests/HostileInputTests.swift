@testable import BuildPipeline
import Audit
import CreditVocabulary
import Foundation
import Messages
import SiteOutput
import Testing

/// Personal data planted in a snapshot; none of it may reach any output file.
enum Planted {
    static let idNumber = "11010519491231002X"
    static let idNumberSpaced = "110105 19491231 002X"
    static let mobile = "13912345678"
    static let card = "6222021234567890128"
    static let email = "wangxiaoming@example.com"
    static let name = "王小明"
    static let compoundName = "欧阳娜娜"
    static let operatorName = "李大海"
    static let homeAddress = "五四路123号3单元401室"
    static let secret = "秘制配方X-42"

    /// Every raw value that must never be published.
    static let values = [idNumber, mobile, card, email, name, compoundName, operatorName, homeAddress, secret,
                         "110105194912310", "1391234", "wangxiaoming"]

    /// Free text with all of it.
    static let text = "\(name)（身份证 \(idNumberSpaced)，手机 +86 139-1234-5678，卡号 \(card)，邮箱 \(email)）与\(compoundName)、经营者\(operatorName)，住福建省福州市鼓楼区\(homeAddress)。"
}

/// A snapshot with planted personal data or hostile text in every text field that reaches a page.
func plantedSnapshot(_ path: String, text: String, titleSuffix: String = "") throws -> TestSnapshotFile {
    let file = try TestSnapshotFile(at: path)
    try file.subject("P1", kind: "natural_person", name: Planted.name, [
        "id_number": Planted.idNumber, "phone": Planted.mobile, "address": "福建省福州市鼓楼区\(Planted.homeAddress)"])
    try file.subject("P2", kind: "natural_person", name: Planted.compoundName)
    try file.subject("B1", kind: "individual_business", name: "福州市鼓楼区小吃店" + titleSuffix, [
        "legal_representative": Planted.operatorName, "phone": "0591-87654321", "uscc": "92350102MA2Y3Q4R5W"])
    try file.subject("C1", name: "福州某某科技有限公司" + titleSuffix, [
        "uscc": "91350100M000100Y43", "legal_representative": "陈明" + titleSuffix, "address": "福州市鼓楼区" + text])
    try file.caseRow("K1", ["title": "案例" + text, "region": "福州" + titleSuffix, "summary_md": text, "source": "来源" + text,
                            "source_url": "javascript:alert(1)", "domain": "领域" + titleSuffix, "proposed_action": text,
                            "tags": "[\"\(titleSuffix.replacingOccurrences(of: "\"", with: "\\\""))标签\"]"])
    for subject in ["P1", "B1", "C1"] {
        try file.insert("case_subjects", ["case_id": "K1", "subject_id": subject, "role": "involved"])
    }
    try file.report("V1", case: "K1", ["title": "报告" + text, "body_md": text, "lead_department": "委" + titleSuffix,
                                        "service_agency": "机构" + titleSuffix])
    for (index, subject) in ["P1", "B1", "C1"].enumerated() {
        try file.record("R\(index)", subject: subject, [
            "report_id": "V1", "facts_md": text, "basis": "依据" + text, "outcome": "结果" + text,
            "document_no": "文号" + titleSuffix, "authority": "局" + titleSuffix])
        try file.listEntry("L\(index)", subject: subject, ["reason_md": text, "basis": text, "domain": "领域" + titleSuffix,
                                                            "authority": "委" + titleSuffix])
        try file.commitment("M\(index)", subject: subject, ["body_md": text])
    }
    try file.insert("rectifications", ["id": "T1", "record_id": "R0", "requirement_md": text, "deadline": "2026-06-01", "status": "open"])
    try file.insert("interviews", ["id": "I1", "record_id": "R0", "kind": "warning", "held_on": "2026-02-01", "summary_md": text,
                                   "scope": "public"])
    try file.insert("repair_actions", ["id": "A1", "record_id": "R0", "kind": "training", "completed_on": "2026-02-02",
                                       "provider": "协会" + titleSuffix, "hours": 3])
    try file.insert("redaction_overrides", ["id": "O1", "target_table": "records", "target_id": "R2", "field": "facts_md",
                                            "phrase": Planted.secret, "reason": "trade_secret"])
    try file.execute("UPDATE records SET facts_md = facts_md || '\(Planted.secret)' WHERE id = 'R2'")
    return file
}

@Suite("gongshi build: hostile input")
struct HostileInputTests {
    let asOf = CivilDate(iso: "2026-03-01")!

    @Test("planted personal data reaches no output file, and the audit agrees")
    func noLeaks() async throws {
        let fixture = try SiteFixture()
        _ = try plantedSnapshot(fixture.snapshotPath(), text: Planted.text)
        let report = try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: asOf))
        #expect((report.counts["records"] ?? 0) == 3)
        let files = try outputText(fixture.out)
        #expect(files.count > 20)
        for (path, text) in files {
            for value in Planted.values {
                #expect(!text.contains(value), "\(path) holds planted value \(value)")
            }
        }
        // The masked forms are there instead.
        let record = String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/records/R0/index.html")), as: UTF8.self)
        #expect(record.contains("王某") && record.contains("欧阳某") && record.contains("1101**********002X") && record.contains("139****5678"))
        let findings = try SiteAuditor.audit(snapshot: fixture.snapshotPath(), out: fixture.out, site: fixture.site, asOf: asOf, audience: .public)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("the audit finds a planted leak and a page that must not be there")
    func auditFindsLeaks() async throws {
        let fixture = try SiteFixture()
        let file = try plantedSnapshot(fixture.snapshotPath(), text: Planted.text)
        try file.record("R-HIDDEN", subject: "C1", ["review_status": "draft", "approved_on": nil])
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: asOf))
        let out = URL(fileURLWithPath: fixture.out)
        try "联系 \(Planted.idNumber)".write(to: out.appendingPathComponent("about/extra.html"), atomically: true, encoding: .utf8)
        try "当事人\(Planted.name)".write(to: out.appendingPathComponent("name.txt"), atomically: true, encoding: .utf8)
        try "电话 139 1234 5678".write(to: out.appendingPathComponent("phone.txt"), atomically: true, encoding: .utf8)
        try Planted.secret.write(to: out.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: out.appendingPathComponent("records/R-HIDDEN"), withIntermediateDirectories: true)
        try "<a href=\"../records/R-HIDDEN/\">x</a>".write(to: out.appendingPathComponent("link.html"), atomically: true, encoding: .utf8)
        let findings = try SiteAuditor.audit(snapshot: fixture.snapshotPath(), out: fixture.out, site: fixture.site, asOf: asOf, audience: .public)
        let byFile = Dictionary(grouping: findings, by: \.file)
        #expect(byFile["about/extra.html"]?.contains { $0.problem.coded(in: .english).contains("id_number") } == true)
        #expect(byFile["name.txt"]?.contains { $0.problem.coded(in: .english).contains("person_name") } == true)
        #expect(byFile["phone.txt"]?.contains { $0.problem.coded(in: .english).contains("subjects[P1].phone") } == true)
        #expect(byFile["secret.txt"]?.contains { $0.problem.coded(in: .english).contains("override") } == true)
        #expect(byFile["records/R-HIDDEN/"] != nil)
        #expect(byFile["link.html"] != nil)
        // Findings never repeat the value.
        #expect(!findings.contains { $0.description.contains(Planted.idNumber) || $0.description.contains(Planted.name) })
    }

    @Test("hostile text is escaped in every field; no script, event attribute or javascript: link survives")
    func hostileText() async throws {
        let fixture = try SiteFixture()
        let hostile = #"<script>alert("x")</script>"><img src=x onerror=alert(1)> [点我](javascript:alert(1)) <a href="javascript:alert(2)" onclick="x()">y</a>"#
        _ = try plantedSnapshot(fixture.snapshotPath(), text: hostile, titleSuffix: hostile)
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: asOf))
        let files = try outputText(fixture.out)
        #expect(files.contains { $0.0 == "records/R2/index.html" })
        for (path, text) in files {
            // A CSV holds the values as the pages show them, text and not markup (served as
            // text/csv): the hostile text is there, inside a quoted field, unchanged.
            if path.hasSuffix(".csv") {
                #expect(!text.contains(hostile) || text.contains("\"" + hostile.replacingOccurrences(of: "\"", with: "\"\"")), "\(path)")
                continue
            }
            let lower = text.lowercased().replacingOccurrences(of: "<script src=\"search.js\" defer></script>", with: "")
            #expect(!lower.contains("<script"), "\(path)")
            #expect(!lower.contains("<img"), "\(path)")
            // Escaped text may say "onerror=" harmlessly; no real tag may carry an event attribute.
            let tags = lower.matches(of: /<[^>]*>/).map { String($0.output) }
            #expect(!tags.contains { $0.contains(/\son[a-z]+\s*=/) }, "\(path): \(tags.filter { $0.contains(/\son[a-z]+\s*=/) })")
            #expect(!lower.contains("href=\"javascript:"), "\(path)")
            #expect(!lower.contains("<loc>javascript"), "\(path)")
        }
    }

    @Test("path-unsafe ids become x- pages inside the output folder")
    func unsafeIDs() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        // No uscc: the slug is a keyed hash (a uscc failing GB 32100 is a row error, which
        // withholds the subject: the checksum tests).
        try file.subject("S1", name: "福州某公司")
        try file.record("../../escape", subject: "S1")
        try file.record("记录一", subject: "S1")
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: asOf))
        let paths = try outputFiles(fixture.out).keys
        let recordPages = paths.filter { $0.hasPrefix("records/") && $0 != "records/index.html" }.sorted()
        #expect(paths.contains("records/index.html"), "the record index")
        #expect(recordPages.count == 2)
        #expect(recordPages.allSatisfy { $0.hasPrefix("records/x-") && $0.count == "records/x-0123456789abcdef/index.html".count })
        #expect(paths.contains { $0.hasPrefix("subjects/p-") })
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.path("escape")))
    }
}

@Suite("gongshi build: failures leave the published site alone")
struct FailureTests {
    let asOf = CivilDate(iso: "2026-03-01")!

    func publishFirst(_ fixture: SiteFixture) async throws -> [String: Data] {
        let file = try TestSnapshotFile(at: fixture.snapshotPath("good.sqlite"))
        try file.subject("S1", name: "福州某公司")
        for index in 0..<20 { try file.record("R\(index)", subject: "S1") }
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        return try outputFiles(fixture.out)
    }

    func expectUntouched(_ fixture: SiteFixture, _ before: [String: Data]) throws {
        #expect(try outputFiles(fixture.out) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path)
        #expect(!siblings.contains { $0.contains("gongshi-staging") }, "\(siblings)")
    }

    @Test("a damaged snapshot is refused and the old site stays")
    func damaged() async throws {
        let fixture = try SiteFixture()
        let before = try await publishFirst(fixture)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: fixture.snapshotPath("bad.sqlite")))
        await #expect(throws: (any Error).self) {
            try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath("bad.sqlite"), site: fixture.site, out: fixture.out, asOf: asOf))
        }
        try expectUntouched(fixture, before)
    }

    @Test("a snapshot with a blocking error is refused and the old site stays")
    func blocking() async throws {
        let fixture = try SiteFixture()
        let before = try await publishFirst(fixture)
        let file = try TestSnapshotFile(at: fixture.snapshotPath("blocked.sqlite"))
        try file.subject("S1", name: "福州某公司")
        try file.insert("redaction_overrides", ["id": "O1", "target_table": "nowhere", "target_id": "x", "field": "f",
                                                "phrase": "p", "reason": "other"])
        await #expect(throws: BuildError.self) {
            try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        }
        try expectUntouched(fixture, before)
    }

    @Test("a build that fails midway leaves the old site untouched")
    func midway() async throws {
        let fixture = try SiteFixture()
        let before = try await publishFirst(fixture)
        let file = try TestSnapshotFile(at: fixture.snapshotPath("next.sqlite"))
        try file.subject("S1", name: "福州另一公司")
        for index in 0..<30 { try file.record("N\(index)", subject: "S1") }
        var options = BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf)
        options.failAfterWrittenPages = 10
        let report = fixture.folder.path("report.json")
        options.report = report
        await #expect(throws: OutputError.self) { try await SiteBuilder.build(options) }
        try expectUntouched(fixture, before)
        // No report of a build that published nothing, not even a temporary one.
        #expect(!FileManager.default.fileExists(atPath: report))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path("")).allSatisfy { !$0.hasSuffix(".tmp") })
        // And the next good build replaces the site whole.
        options.failAfterWrittenPages = nil
        try await SiteBuilder.build(options)
        #expect(FileManager.default.fileExists(atPath: report))
        let after = try outputFiles(fixture.out)
        #expect(after["records/N0/index.html"] != nil && after["records/R0/index.html"] == nil)
    }

    @Test("a broken layout override is named and nothing is published")
    func badLayout() async throws {
        let fixture = try SiteFixture(layouts: ["record": "{{#open}} never closed"])
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某公司")
        do {
            try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("layouts/record.mustache"))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.out))
    }
}

@Suite("gongshi build: windows and layouts")
struct WindowAndLayoutTests {
    @Test("after a record's window closes nothing of it is left: page, links, subject page, sitemap, feed")
    func closedWindow() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州甲公司", ["uscc": "91350100M000100Y43"])
        try file.subject("S2", name: "福州乙公司")
        try file.record("R-CLOSING", subject: "S1", ["decided_on": "2026-01-10", "publish_until": "2026-04-01",
                                                     "document_no": "榕市监罚〔2026〕1号"])
        try file.record("R-STAYS", subject: "S2", ["decided_on": "2026-01-10"])
        try file.listEntry("L1", subject: "S1", ["record_id": "R-CLOSING"])
        try file.insert("rectifications", ["id": "T1", "record_id": "R-CLOSING", "requirement_md": "整改要求甲", "deadline": "2026-05-01", "status": "open"])
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: CivilDate(iso: "2026-03-31")!))
        let before = try outputText(fixture.out)
        #expect(before.contains { $0.1.contains("R-CLOSING") })
        #expect(before.contains { $0.1.contains("榕市监罚〔2026〕1号") })
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: CivilDate(iso: "2026-04-01")!))
        let after = try outputText(fixture.out)
        for (path, text) in after {
            for trace in ["R-CLOSING", "榕市监罚〔2026〕1号", "福州甲公司", "91350100M000100Y43", "整改要求甲"] {
                #expect(!text.contains(trace), "\(path) still holds \(trace)")
            }
        }
        #expect(after.contains { $0.0 == "records/R-STAYS/index.html" })
    }

    @Test("a site overrides templates file by file")
    func layoutOverride() async throws {
        let fixture = try SiteFixture(layouts: ["record": "{{<base}}{{$main}}<p class=\"custom\">{{authority}}</p>{{/main}}{{/base}}"])
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某公司")
        try file.record("R1", subject: "S1")
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: CivilDate(iso: "2026-03-01")!))
        let files = try outputText(fixture.out)
        let record = try #require(files.first { $0.0 == "records/R1/index.html" }?.1)
        #expect(record.contains("<p class=\"custom\">测试市市场监督管理局</p>"))
        #expect(record.contains("<html lang=\"zh-CN\">"))  // the built-in base still wraps it
        #expect(files.first { $0.0 == "subjects/" + "x" } == nil)
    }
}

@Suite("Slug key")
struct SlugKeyTests {
    @Test("without privacy.subject_slug_key, build and audit agree on natural persons' page addresses")
    func fallbackKey() async throws {
        let fixture = try SiteFixture(toml: "title = \"失信案例核查\"\n")
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("P1", kind: "natural_person", name: "王小明")
        try file.record("R1", subject: "P1")
        var warnings: [String] = []
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-03-01")!)) { warnings.append($0.text(in: .english)) }
        #expect(warnings.contains { $0.contains("subject_slug_key") })
        #expect(try outputFiles(fixture.out).keys.contains { $0.hasPrefix("subjects/p-") })
        let findings = try SiteAuditor.audit(snapshot: file.path, out: fixture.out, site: fixture.site,
                                             asOf: CivilDate(iso: "2026-03-01")!, audience: .public)
        #expect(findings.isEmpty, "\(findings)")
    }
}

@Suite("Audit coverage")
struct AuditCoverageTests {
    @Test("a value that stands only in a field the build publishes (case source, list domain, repair provider) is looked for")
    func everyPublishedField() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州甲公司", ["address": "福州市鼓楼区五一路1号，联系人手机13600000001"])
        try file.caseRow("K1", ["source": "报料人手机13600000002"])
        try file.report("V1", case: "K1", ["service_agency": "机构电话13600000003"])
        try file.record("R1", subject: "S1")
        try file.listEntry("L1", subject: "S1", ["domain": "领域13600000004"])
        try file.insert("repair_actions", ["id": "A1", "record_id": "R1", "kind": "training", "completed_on": "2026-02-01",
                                           "provider": "协会13600000005"])
        let asOf = CivilDate(iso: "2026-03-01")!
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        #expect(try SiteAuditor.audit(snapshot: file.path, out: fixture.out, site: fixture.site, asOf: asOf, audience: .public).isEmpty)
        for number in 1...5 {
            try "泄露 1360000000\(number)".write(toFile: fixture.out + "/leak\(number).txt", atomically: true, encoding: .utf8)
        }
        let findings = try SiteAuditor.audit(snapshot: file.path, out: fixture.out, site: fixture.site, asOf: asOf, audience: .public)
        let origins = [(1, "subjects[S1].address"), (2, "cases[K1].source"), (3, "verification_reports[V1].service_agency"),
                       (4, "list_entries[L1].domain"), (5, "repair_actions[A1].provider")]
        for (number, origin) in origins {
            #expect(findings.contains { $0.file == "leak\(number).txt" && $0.problem.coded(in: .english).contains(origin) }, "\(origin): \(findings)")
        }
    }
}
