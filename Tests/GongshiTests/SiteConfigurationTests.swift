import BuildPipeline
import CreditVocabulary
import Foundation
import DisclosurePolicy
import SiteConfig
import Testing

@Suite("site.toml")
struct SiteConfigurationTests {
    @Test("the demo's slug key warns on a snapshot that is not demo data, in the build; make install gives the example site a key of its own")
    func demoSlugKey() throws {
        let demoSite = DeployScriptTests.root.path
        let demoKey = try SiteFolder.load(demoSite).configuration
        #expect(demoKey.slugKeyWarning(snapshotIsDemo: true) == nil)
        #expect(demoKey.slugKeyWarning(snapshotIsDemo: false)?.contains("demo's key") == true)
        #expect(SiteConfiguration().slugKeyWarning(snapshotIsDemo: false) == nil)

        let fixture = try SiteFixture(toml: SiteFixture.defaultTOML.replacingOccurrences(
            of: "test-site-slug-key-0123456789", with: "demo-only-key-change-me-7f3a9c2e"))
        _ = try TestSnapshotFile.closingRecord(at: fixture.snapshotPath())
        var warnings: [String] = []
        try SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-02-20")!)) { warnings.append($0) }
        #expect(warnings.contains { $0.contains("privacy.subject_slug_key is the demo's key") }, "\(warnings)")

        // The install step that copies the example site folder (run with a staging root).
        let root = TemporaryFolder()
        let make = try HostVerifyTests().run(["/usr/bin/make", "-s", "-C", demoSite, "-o", "static", "-o", ".build-static/release/gongshi",
                                              "install", "DESTDIR=\(root.path(""))", "STATIC_BIN=/bin/true"])
        #expect(make.status == 0, "\(make.output)")
        let installed = try SiteFolder.load(root.path("etc/gongshi/site")).configuration
        #expect(installed.subjectSlugKey != nil && installed.subjectSlugKey != SiteConfiguration.demoSubjectSlugKey)
        #expect((installed.subjectSlugKey?.count ?? 0) >= 32)
    }

    @Test("the TOML subset")
    func parser() throws {
        let document = try TOMLSubsetParser.parse("""
            # comment
            title = "失信案例核查" # trailing comment
            count = 1_000
            on = true
            list = ["a", 'b\\c', "c\\"d"]
            [policy]
            objections = "annotate"
            [policy.periods]
            general_record = "6m"
            "quoted key" = "\\u4E2D"
            """)
        #expect(document["title"]?.string == "失信案例核查")
        #expect(document["count"]?.integer == 1000)
        #expect(document["on"]?.boolean == true)
        #expect(document["list"] == .array([.string("a"), .string("b\\c"), .string("c\"d")]))
        #expect(document["policy"]?.table?["periods"]?.table?["general_record"]?.string == "6m")
        #expect(document["policy"]?.table?["periods"]?.table?["quoted key"]?.string == "中")
    }

    @Test("syntax errors name the line", arguments: [
        ("title = ", 1), ("a = 1\nb = \"open", 2), ("a = 1\na = 2", 2), ("[t]\n[t]", 2), ("x = [1, 2", 1), ("= 3", 1),
    ])
    func syntaxErrors(text: String, line: Int) {
        #expect(throws: TOMLSubsetParser.SyntaxError.self) { try TOMLSubsetParser.parse(text) }
        do { _ = try TOMLSubsetParser.parse(text) } catch let error as TOMLSubsetParser.SyntaxError {
            #expect(error.line == line)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("settings and policy choices")
    func settings() throws {
        let configuration = try SiteConfiguration(toml: try TOMLSubsetParser.parse("""
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
        #expect(throws: SiteFolderError.self) { try SiteConfiguration(toml: try TOMLSubsetParser.parse(text)) }
    }
}
