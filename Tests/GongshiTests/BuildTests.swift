@testable import BuildPipeline
import Audit
import CreditVocabulary
import DemoSnapshot
import Foundation
import SiteOutput
import Testing

@Suite("gongshi build: the demo site")
struct DemoBuildTests {
    let today = CivilDate(iso: "2026-11-24")!

    func buildDemo(_ fixture: SiteFixture, out: String? = nil, audience: Audience = .public) async throws -> BuildReport {
        let snapshot = fixture.snapshotPath("demo.sqlite")
        if !FileManager.default.fileExists(atPath: snapshot) { try DemoSnapshot.write(to: snapshot, today: today) }
        return try await SiteBuilder.build(BuildOptions(
            snapshot: snapshot, site: fixture.site, out: out ?? fixture.out, asOf: today, audience: audience))
    }

    @Test("every page kind is written, withheld rows are not")
    func pageKinds() async throws {
        let fixture = try SiteFixture()
        _ = try await buildDemo(fixture)
        let files = try outputFiles(fixture.out)
        let uscc = try #require(files.keys.first { $0.hasPrefix("subjects/914206") })
        for path in [
            "index.html", "cases/index.html", "cases/3-1/index.html", "cases/5-1/index.html", "cases/27-1/index.html",
            "cases/33-2/index.html", "cases/36-3/index.html", "reports/VR-3-1/index.html", "reports/VR-27-1-R/index.html",
            "records/REC-001/index.html", "records/REC-011/index.html", "records/REC-007/index.html", uscc,
            "lists/black/index.html", "lists/watch/index.html", "lists/red/index.html", "commitments/index.html",
            "commitments/CM-001/index.html", "about/index.html", "feed.xml", "sitemap.xml", "robots.txt", "assets/style.css",
            "search/index.html", "search/search.js", "search/manifest.json", "search/d/0.json",
        ] {
            #expect(files[path] != nil, "\(path) is missing")
        }
        for path in [
            "records/REC-003/index.html", "records/REC-004/index.html", "records/REC-005/index.html",
            "records/REC-008/index.html", "records/REC-009/index.html", "records/REC-010/index.html",
            "records/REC-012/index.html", "records/REC-013/index.html", "records/REC-016/index.html",
            "reports/VR-27-1/index.html", "reports/VR-36-3-DRAFT/index.html", "reports/VR-33-2-INTERNAL/index.html",
            "commitments/CM-004/index.html",
        ] {
            #expect(files[path] == nil, "\(path) must not be published")
        }
    }

    @Test("the sitemap lists the folder of every page and nothing else, in order", arguments: [Audience.public, .internal])
    func sitemapListsEveryPage(audience: Audience) async throws {
        let fixture = try SiteFixture()
        let report = try await buildDemo(fixture, audience: audience)
        let files = try outputFiles(fixture.out)
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        let listed = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        let base = try #require(listed.first)
        let pages = files.keys.filter { $0 == "index.html" || $0.hasSuffix("/index.html") }
            .map { base + String($0.dropLast("index.html".count)) }
        #expect(listed == pages.sorted())
        #expect(listed.count == report.pages)
    }

    @Test("pages are Chinese, mobile-ready, self-contained and marked as demo data")
    func pageShape() async throws {
        let fixture = try SiteFixture()
        _ = try await buildDemo(fixture)
        for (path, text) in try outputText(fixture.out) where path.hasSuffix(".html") {
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "\(path)")
            #expect(text.contains("name=\"viewport\""), "\(path)")
            #expect(text.contains("演示数据"), "\(path)")
            if path == "search/index.html" {
                #expect(text.components(separatedBy: "<script").count == 2 && text.contains("<script src=\"search.js\" defer></script>"))
            } else {
                #expect(!text.contains("<script"), "\(path) loads a script")
            }
            #expect(!text.contains("src=\"http"), "\(path) loads an external resource")
            #expect(!text.contains("rel=\"stylesheet\" href=\"http"), "\(path) loads an external stylesheet")
            #expect(!text.contains("noindex"), "\(path): a public page must be indexable")
        }
        let css = String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/assets/style.css")), as: UTF8.self)
        #expect(!css.contains("@import") && !css.contains("url("))
    }

    @Test("records show deadline, interviews, repair status and the objection mark; corrections say so")
    func recordDetails() async throws {
        let fixture = try SiteFixture(toml: SiteFixture.defaultTOML + "\n[policy]\nobjections = \"annotate\"\n")
        _ = try await buildDemo(fixture)
        func page(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(fixture.out)/\(path)/index.html")), as: UTF8.self)
        }
        let developer = try page("records/REC-007")
        #expect(developer.contains("限期整改") && developer.contains("拒不参加约谈"))
        let hospital = try page("records/REC-002")
        #expect(hospital.contains("信用修复培训") && hospital.contains("3 学时") && hospital.contains("3000 元"))
        #expect(try page("records/REC-015").contains("异议核实中"))
        #expect(!(try page("records/REC-001")).contains("内部约谈记录"))  // internal interview
        #expect(try page("reports/VR-27-1-R").contains("更正"))
        #expect(try page("records/REC-006").contains("［商业秘密已隐去］"))
    }

    @Test("a pending objection suspends by default")
    func suspendByDefault() async throws {
        let fixture = try SiteFixture()
        let report = try await buildDemo(fixture)
        #expect(!FileManager.default.fileExists(atPath: fixture.out + "/records/REC-015/index.html"))
        #expect(report.withheld.contains { $0.id == "REC-015" && $0.code == "objection_pending" })
    }

    @Test("the same inputs give byte-identical output")
    func deterministic() async throws {
        let fixture = try SiteFixture()
        _ = try await buildDemo(fixture)
        _ = try await buildDemo(fixture, out: fixture.folder.path("again"))
        let first = try outputFiles(fixture.out)
        let second = try outputFiles(fixture.folder.path("again"))
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs") }
    }

    @Test("the report lists ids, reasons, redactions and the next change")
    func report() async throws {
        let fixture = try SiteFixture()
        let report = try await buildDemo(fixture)
        #expect(report.published["records"]?.contains("REC-001") == true)
        #expect(report.withheld.contains { $0.id == "REC-008" && $0.code == "period_end" })
        #expect(report.withheld.contains { $0.id == "REC-009" && $0.code == "repair" })
        #expect(report.withheld.contains { $0.id == "VR-27-1" && $0.code == "superseded" })
        // Counting by table (the command line's summary) agrees with the lines.
        for tables in [["records"], ["subjects", "cases"], []] {
            #expect(report.withheld.count(inTables: tables.contains) == report.withheld.filter { tables.contains($0.table) }.count)
        }
        #expect(report.withheld.count(inTables: { $0 == "records" }) > 0)
        #expect((report.redactions.counts["id_number"] ?? 0) >= 2)
        #expect(report.redactions.log.allSatisfy { $0.length > 0 })
        // REC-016 opens in 3 days: the next change.
        #expect(report.nextChange == today.adding(days: 3).iso)

        // The directly written JSON is the report's Encodable form, internal build included
        // (timeliness lines, problems without a row).
        let internalReport = try await buildDemo(fixture, audience: .internal)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for written in [report, internalReport] {
            let direct = try JSONSerialization.jsonObject(with: written.jsonData()) as? NSDictionary
            let encoded = try JSONSerialization.jsonObject(with: encoder.encode(written)) as? NSDictionary
            #expect(direct != nil && direct == encoded)
            // The long lists are in the order the report promises.
            let withheld = written.withheld.map { [$0.table, $0.id] }
            #expect(withheld == withheld.sorted { $0.lexicographicallyPrecedes($1) })
            let log = written.redactions.log.map { ($0.table, $0.id) }
            #expect(zip(log, log.dropFirst()).allSatisfy { $0 <= $1 || $0.0 != $1.0 })
        }
        #expect(!report.withheld.isEmpty && !report.redactions.log.isEmpty)
    }

    @Test("the report file, its long parts written ahead, has the bytes of the report written whole")
    func reportFile() async throws {
        let fixture = try SiteFixture()
        let snapshot = fixture.snapshotPath("demo.sqlite")
        try DemoSnapshot.write(to: snapshot, today: today)
        let path = fixture.folder.path("report.json")
        var report = try await SiteBuilder.build(BuildOptions(
            snapshot: snapshot, site: fixture.site, out: fixture.out, asOf: today, report: path))
        #expect(Set(report.prewritten.keys) == ["withheld", "problems", "published", "redactions", "timeliness"])
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        report.prewritten = [:]
        #expect(file == report.jsonData())
    }

    @Test("an internal build holds internal rows and tells robots to stay out")
    func internalBuild() async throws {
        let fixture = try SiteFixture()
        _ = try await buildDemo(fixture, audience: .internal)
        let files = try outputFiles(fixture.out)
        #expect(files["records/REC-013/index.html"] != nil)
        #expect(files["reports/VR-33-2-INTERNAL/index.html"] != nil)
        #expect(String(decoding: files["robots.txt"]!, as: UTF8.self).contains("Disallow: /"))
        #expect(String(decoding: files["index.html"]!, as: UTF8.self).contains("noindex"))
        #expect(String(decoding: files["records/REC-001/index.html"]!, as: UTF8.self).contains("内部约谈记录"))
    }

    @Test("the demo output passes the audit")
    func audit() async throws {
        let fixture = try SiteFixture()
        _ = try await buildDemo(fixture)
        let findings = try SiteAuditor.audit(
            snapshot: fixture.snapshotPath("demo.sqlite"), out: fixture.out, site: fixture.site, asOf: today, audience: .public)
        #expect(findings.isEmpty, "\(findings)")
    }
}
