import BuildPipeline
import CreditVocabulary
import Foundation
import Messages
import DisclosurePolicy
import SiteConfig
import Testing

@Suite("site.toml")
struct SiteConfigurationTests {
    @Test("the demo's slug key warns on a snapshot that is not demo data, in the build; make install gives the example site a key of its own")
    func demoSlugKey() async throws {
        let demoSite = DeployScriptTests.root.path
        let demoKey = try SiteFolder.load(demoSite).configuration
        #expect(demoKey.slugKeyWarning(snapshotIsDemo: true) == nil)
        #expect(demoKey.slugKeyWarning(snapshotIsDemo: false)?.code == "site_demo_slug_key")
        #expect(SiteConfiguration().slugKeyWarning(snapshotIsDemo: false) == nil)

        let fixture = try SiteFixture(toml: SiteFixture.defaultTOML.replacingOccurrences(
            of: "test-site-slug-key-0123456789", with: "demo-only-key-change-me-7f3a9c2e"))
        _ = try TestSnapshotFile.closingRecord(at: fixture.snapshotPath())
        var warnings: [String] = []
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-02-20")!)) { warnings.append($0.text(in: .english)) }
        #expect(warnings.contains { $0.contains("privacy.subject_slug_key is the demo's key") }, "\(warnings)")

        // The install step that copies the example site folder (run with a staging root).
        let root = TemporaryFolder()
        let make = try runProgram(["/usr/bin/make", "-s", "-C", demoSite, "-o", "static", "-o", ".build-static/release/gongshi",
                                              "install", "DESTDIR=\(root.path(""))", "STATIC_BIN=/bin/true"])
        #expect(make.status == 0, "\(make.output)")
        let installed = try SiteFolder.load(root.path("etc/gongshi/site")).configuration
        #expect(installed.subjectSlugKey != nil && installed.subjectSlugKey != SiteConfiguration.demoSubjectSlugKey)
        #expect((installed.subjectSlugKey?.count ?? 0) >= 32)
    }

    @Test("[objections]: the contacts on every page's footer and in each record's 对本条信息有异议 block, naming its authority; checked keys")
    func objections() async throws {
        let fixture = try SiteFixture(toml: SiteFixture.defaultTOML + """

            [objections]
            office = "某市发展和改革委员会信用科"
            phone = "0591-87654321"
            online = "https://www.example.gov.cn/yysq/"
            answer_working_days = 20
            """)
        _ = try TestSnapshotFile.closingRecord(at: fixture.snapshotPath())
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-02-20")!))
        let record = try String(contentsOfFile: fixture.out + "/records/R1/index.html", encoding: .utf8)
        #expect(record.contains("<h2 id=\"objection-heading\">对本条信息有异议</h2>"))
        #expect(record.contains("自受理之日起 20 个工作日内答复"))
        #expect(record.contains("<span class=\"label\">电话</span>：0591-87654321"), "an office phone is operator text, not personal data")
        #expect(record.contains("<a href=\"https://www.example.gov.cn/yysq/\">"))
        #expect(record.components(separatedBy: "受理部门").count == 2, "once on a record page: in its block, not again in the footer")
        let home = try String(contentsOfFile: fixture.out + "/index.html", encoding: .utf8)
        #expect(home.contains("<span class=\"label\">受理部门</span>：某市发展和改革委员会信用科"))

        // Without the table: the sentence stays, no empty list.
        let bare = try SiteFixture()
        _ = try TestSnapshotFile.closingRecord(at: bare.snapshotPath())
        try await SiteBuilder.build(BuildOptions(snapshot: bare.snapshotPath(), site: bare.site, out: bare.out, asOf: CivilDate(iso: "2026-02-20")!))
        let plain = try String(contentsOfFile: bare.out + "/records/R1/index.html", encoding: .utf8)
        #expect(plain.contains("对本条信息有异议") && !plain.contains("class=\"contacts\"") && !plain.contains("个工作日内答复"))

        for (toml, message) in [("[objections]\nfax = \"1\"", "unknown key 'objections.fax'"),
                                ("[objections]\nonline = \"www.example.gov.cn\"", "objections.online must be an absolute"),
                                ("[objections]\nanswer_working_days = 0", "answer_working_days must be an integer")] {
            #expect(throws: (any Error).self) { try SiteConfiguration(toml: try SiteTOML.parse(toml)) }
            do {
                _ = try SiteConfiguration(toml: try SiteTOML.parse(toml))
            } catch {
                #expect(MessageLanguage.english.text(of: error).contains(message), "\(error)")
            }
        }
    }

    @Test("an unknown key is named with its line, in every table")
    func unknownKeyLines() throws {
        let folder = TemporaryFolder()
        for (toml, message) in [("title = \"x\"\n\n[search]\nblock_postings = 5\n", "line 3: unknown key 'search' [site_unknown_key]"),
                                ("title = \"x\"\n[policy]\nperiods.foo = 3\n", "line 3: unknown key 'policy.periods.foo' [site_unknown_key]"),
                                ("[publish]\nto = \"/srv/www\"\n\nbandwith_kib = 10\n", "line 4: unknown key 'publish.bandwith_kib' [site_unknown_key]"),
                                ("[privacy]\nmask_names = true\n", "line 2: unknown key 'privacy.mask_names' [site_unknown_key]")] {
            try toml.write(toFile: folder.path("site.toml"), atomically: true, encoding: .utf8)
            do {
                _ = try SiteFolder.load(folder.path(""))
                Issue.record("accepted \(toml)")
            } catch let error as SiteFolderError {
                #expect(error.text(in: .english).hasSuffix("site.toml: " + message), "\(error)")
                #expect(error.text(in: .chinese).hasPrefix(folder.path("site.toml") + " 第 \(error.line ?? 0) 行：未知的设置项“"), "\(error)")
            }
        }
    }

    @Test("full TOML 1.0 (TOMLKit): comments, literal and multi-line strings, multi-line arrays, inline tables, dotted keys")
    func parser() throws {
        let document = try SiteTOML.parse("""
            # comment
            title = "失信案例核查" # trailing comment
            count = 1_000
            on = true
            list = ["a", 'b\\c', "c\\"d"]
            address = \"\"\"
            演示市政务服务中心
            三楼 12 号窗口\"\"\"
            expected = [
              "records.repaired_on",   # early repairs are the platform's habit
              "list_entries.removed_on",
            ]
            objections = { office = "信用科", answer_working_days = 20 }
            ratio = 1.5
            [policy]
            objections = "annotate"
            periods.report = "2y"
            periods.general_record = "6m"
            periods."quoted key" = "\\u4E2D"
            """)
        #expect(document["title"]?.string == "失信案例核查")
        #expect(document["count"]?.integer == 1000)
        #expect(document["on"]?.boolean == true)
        #expect(document["list"] == .array([.string("a"), .string("b\\c"), .string("c\"d")]))
        #expect(document["address"]?.string == "演示市政务服务中心\n三楼 12 号窗口")
        #expect(document["expected"] == .array([.string("records.repaired_on"), .string("list_entries.removed_on")]))
        #expect(document["objections"]?.table?["answer_working_days"]?.integer == 20)
        #expect(document["ratio"] == .other("double"))
        #expect(document["policy"]?.table?["periods"]?.table?["general_record"]?.string == "6m")
        #expect(document["policy"]?.table?["periods"]?.table?["report"]?.string == "2y")
        #expect(document["policy"]?.table?["periods"]?.table?["quoted key"]?.string == "中")
    }

    @Test("the line of each key, for messages: headers, dotted and quoted keys, not the insides of multi-line strings")
    func keyLines() throws {
        let lines = try SiteTOML.parseWithLines("""
            title = "x"
            note = \"\"\"
            fake = 1
            \"\"\"
            [policy]
            periods.report = "2y"

            [privacy]
              "subject_slug_key" = "0123456789abcdef"
            [[calendar_x]]
            """).lines
        #expect(lines["title"] == 1 && lines["note"] == 2 && lines["fake"] == nil)
        #expect(lines["policy"] == 5 && lines["policy.periods"] == 6 && lines["policy.periods.report"] == 6)
        #expect(lines["privacy.subject_slug_key"] == 9 && lines["calendar_x"] == 10)
    }

    @Test("syntax errors name the line and the column", arguments: [
        ("title = ", 1), ("a = 1\nb = \"open", 2), ("a = 1\na = 2", 2), ("[t]\n[t]", 2), ("x = [1, 2", 1), ("= 3", 1),
        ("a = { b = 1\n", 1), ("ｔｉｔｌｅ = \"全角\"", 1),
    ])
    func syntaxErrors(text: String, line: Int) {
        #expect(throws: SiteTOML.SyntaxError.self) { try SiteTOML.parse(text) }
        do { _ = try SiteTOML.parse(text) } catch let error as SiteTOML.SyntaxError {
            #expect(error.line == line, "\(error)")
            #expect(error.column >= 1 && !error.message.isEmpty)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("hostile site.toml: deep nesting, a value of the wrong TOML type; each a message naming the file and line")
    func hostile() throws {
        let folder = TemporaryFolder()
        for (text, code, line) in [(String(repeating: "a = " + String(repeating: "[", count: 5000), count: 1), "toml_syntax", 1),
                                   ("title = \"x\"\nlist_page_size = 2.5\n", "site_not_integer_in", 2),
                                   ("title = 1979-05-27\n", "site_not_string", 1)] {
            try text.write(toFile: folder.path("site.toml"), atomically: true, encoding: .utf8)
            do {
                _ = try SiteFolder.load(folder.path(""))
                Issue.record("accepted \(text.prefix(40))")
            } catch let error as SiteFolderError {
                #expect(error.message.code == code && error.line == line, "\(error)")
                #expect(error.text(in: .chinese).hasPrefix(folder.path("site.toml") + " 第 \(line) 行："), "\(error)")
            }
        }
    }

    @Test("settings and policy choices")
    func settings() throws {
        let configuration = try SiteConfiguration(toml: try SiteTOML.parse("""
            title = "信用信息公示"
            base_url = "https://example.gov.cn/x"
            [privacy]
            subject_slug_key = "0123456789abcdef-secret"
            [policy]
            objections = "annotate"
            [policy.periods]
            general_record = "6m"
            serious_record = "2y"
            """))
        #expect(configuration.title == "信用信息公示")
        #expect(configuration.baseURL == "https://example.gov.cn/x/")
        #expect(configuration.policy.objectionMode == .annotate)
        #expect(configuration.policy.generalRecordPeriod == .months(6))
        #expect(configuration.policy.seriousRecordPeriod == .years(2))
        #expect(configuration.subjectSlugKey?.count == 23)
    }

    @Test("typos and bad values are errors", arguments: [
        "titel = \"x\"", "[policy]\nobjections = \"hide\"", "[policy.periods]\ngeneral = \"1y\"",
        "[policy.periods]\ngeneral_record = \"1w\"", "base_url = \"ftp://x\"", "[privacy]\nsubject_slug_key = \"short\"",
        "list_page_size = 0",
    ])
    func invalid(text: String) {
        #expect(throws: SiteFolderError.self) { try SiteConfiguration(toml: try SiteTOML.parse(text)) }
    }
}
