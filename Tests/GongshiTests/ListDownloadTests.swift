@testable import BuildPipeline
import CreditVocabulary
import DemoSnapshot
import Foundation
import GRDB
import Redaction
@testable import PageModel
import SiteOutput
import Testing

@Suite("Downloads of the lists: CSV and JSON")
struct ListDownloadTests {
    /// The entries the list's pages show: one `<tr>` per entry in the table bodies of every
    /// page of the list, and the subject names linked from them.
    static func pageRows(_ files: [String: Data], list: ListKind) -> (count: Int, text: String) {
        let pages = files.filter { $0.key.hasPrefix(SitePaths.list(list)) && $0.key.hasSuffix("index.html") }
        var count = 0
        var text = ""
        for (_, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            guard let body = html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first else { continue }
            count += body.components(separatedBy: "<tr>").count - 1
            text += body
        }
        return (count, text)
    }

    @Test("each list's CSV and JSON hold exactly its shown entries, with the values its pages show; linked, in the manifest, not in the sitemap")
    func synthetic() async throws {
        let fixture = try SiteFixture()
        let snapshot = fixture.snapshotPath("s.sqlite")
        let today = CivilDate(iso: "2026-06-01")!
        try SyntheticSnapshot.write(to: snapshot, records: 1500, today: today, seed: 5)
        _ = try await SiteBuilder.build(BuildOptions(snapshot: snapshot, site: fixture.site, out: fixture.out, asOf: today))
        let files = try outputFiles(fixture.out)
        let storedPersons = try await DatabaseQueue(path: snapshot).read {
            try String.fetchAll($0, sql: "SELECT name FROM subjects WHERE kind = 'natural_person'")
        }
        #expect(!storedPersons.isEmpty)
        var total = 0
        for list in ListKind.allCases {
            let csvData = try #require(files[SitePaths.listDownload(list, format: .csv)], "\(list)")
            #expect(csvData.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "a byte-order mark for Excel")
            let csv = String(decoding: csvData.dropFirst(3), as: UTF8.self)
            let lines = csv.components(separatedBy: "\r\n").dropLast()
            #expect(lines.first == ListDownload.columns.map(\.heading).joined(separator: ","))
            let rows = lines.dropFirst().map { $0.components(separatedBy: ",") }
            let shown = Self.pageRows(files, list: list)
            #expect(rows.count == shown.count && rows.count > 0, "\(list): \(rows.count) rows, \(shown.count) on the pages")
            total += rows.count
            for row in rows {
                #expect(row.count == ListDownload.columns.count, "\(row)")
                #expect(row[0] == list.label)
                // The name, the code and the authority, as the pages show them.
                #expect(shown.text.contains(">\(row[1])</a>") && shown.text.contains(row[3]), "\(row)")
                if !row[2].isEmpty { #expect(shown.text.contains(row[2])) }
                #expect(row[7].hasPrefix("https://example.gov.cn/sxalhc/subjects/") || row[7].hasPrefix("http"), "\(row[7])")
            }
            let jsonData = try #require(files[SitePaths.listDownload(list, format: .json)])
            let document = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
            let entries = try #require(document["entries"] as? [[String: Any]])
            #expect(entries.count == rows.count && document["list"] as? String == list.label)
            #expect(entries.map { $0["name"] as? String ?? "" } == rows.map { $0[1] })
            #expect(entries.allSatisfy { $0["objection_pending"] is Bool })
            // No natural person's stored name, in either file (the pages show 王某).
            for name in storedPersons where name.count > 1 {
                #expect(!csv.contains(name) && !String(decoding: jsonData, as: UTF8.self).contains(name), "\(name) in \(list)")
            }
            let page = String(decoding: try #require(files[SitePaths.list(list) + "index.html"]), as: UTF8.self)
            #expect(page.contains("href=\"../../\(SitePaths.listDownload(list, format: .csv))\" download"))
        }
        #expect(total > 10)
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        #expect(!sitemap.contains(".csv") && !sitemap.contains(".json") && sitemap.contains("/data/</loc>"))
        let manifest = try #require(DeployManifest.load(URL(fileURLWithPath: fixture.out + ".manifest.json")))
        #expect(ListKind.allCases.allSatisfy { manifest.files[SitePaths.listDownload($0, format: .csv)] != nil })
        let dictionary = String(decoding: try #require(files["data/index.html"]), as: UTF8.self)
        #expect(ListDownload.columns.allSatisfy { dictionary.contains("<code>\($0.key)</code>") })
    }

    @Test("CSV fields: quoted when needed, formulas shown as text")
    func fields() {
        #expect(ListDownload.csvField("福州某公司") == "福州某公司")
        #expect(ListDownload.csvField("a,b") == "\"a,b\"")
        #expect(ListDownload.csvField("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(ListDownload.csvField("line\nbreak") == "\"line\nbreak\"")
        #expect(ListDownload.csvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(ListDownload.csvField("+86") == "'+86" && ListDownload.csvField("@a") == "'@a" && ListDownload.csvField("-1") == "'-1")
    }
}

@Suite("The record index")
struct RecordIndexTests {
    @Test("records/ lists exactly the shown records, newest decision first, over numbered pages; the home page links it with the count")
    func synthetic() async throws {
        let fixture = try SiteFixture()
        let snapshot = fixture.snapshotPath("s.sqlite")
        let today = CivilDate(iso: "2026-06-01")!
        try SyntheticSnapshot.write(to: snapshot, records: 1500, today: today, seed: 7)
        let report = try await SiteBuilder.build(BuildOptions(snapshot: snapshot, site: fixture.site, out: fixture.out, asOf: today))
        let files = try outputFiles(fixture.out)
        let shown = try #require(report.published["records"])
        #expect(shown.count > 100)
        var listed: [String] = []
        var dates: [String] = []
        var page = 1
        while let data = files[SitePaths.paginated("records/", page: page) + "index.html"] {
            let html = String(decoding: data, as: UTF8.self)
            let body = try #require(html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first)
            listed += body.matches(of: /<a href="(?:\.\.\/)+records\/([^\/"]+)\/">/).map { String($0.1) }
            dates += body.matches(of: /<time datetime="([0-9-]+)">/).map { String($0.1) }
            page += 1
        }
        #expect(page - 1 == (shown.count + 49) / 50, "pages of 50")
        #expect(listed.sorted() == shown.map(PublicPath.segment(forRowID:)).sorted())
        #expect(dates == dates.sorted(by: >), "newest first")
        let home = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(home.contains("<a href=\"./records/\">信用记录</a> <span class=\"count\">\(shown.count) 条</span>"), "\(home)")
    }

    @Test("reports/ lists exactly the shown reports over numbered pages; the home page links it")
    func reports() async throws {
        // Pages of two, so that a small site has several.
        let fixture = try SiteFixture(toml: "list_page_size = 2\n" + SiteFixture.defaultTOML)
        let snapshot = fixture.snapshotPath("s.sqlite")
        let today = CivilDate(iso: "2026-06-01")!
        try SyntheticSnapshot.write(to: snapshot, records: 1500, today: today, seed: 8)
        let report = try await SiteBuilder.build(BuildOptions(snapshot: snapshot, site: fixture.site, out: fixture.out, asOf: today))
        let files = try outputFiles(fixture.out)
        let shown = try #require(report.published["verification_reports"])
        var listed: [String] = []
        var page = 1
        while let data = files[SitePaths.paginated("reports/", page: page) + "index.html"] {
            let html = String(decoding: data, as: UTF8.self)
            let body = try #require(html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first)
            listed += body.matches(of: /<a href="(?:\.\.\/)+reports\/([^\/"]+)\/">/).map { String($0.1) }
            page += 1
        }
        #expect(shown.count > 4 && page - 1 == (shown.count + 1) / 2, "\(shown.count) reports on \(page - 1) pages")
        #expect(listed.sorted() == shown.map(PublicPath.segment(forRowID:)).sorted())
        #expect(String(decoding: try #require(files["index.html"]), as: UTF8.self).contains("<a href=\"./reports/\">全部核查报告</a>"))
    }

    @Test("a row whose id is `page` does not share the folder of an index's later pages")
    func pageID() {
        #expect(PublicPath.segment(forRowID: "page") != "page" && PublicPath.segment(forRowID: "page").hasPrefix("x-"))
        #expect(PublicPath.segment(forRowID: "page-1") == "page-1")
    }
}

@Suite("Numbered pagination")
struct PaginationTests {
    static let factory = PageFactory(site: SiteInfo(
        title: SiteText(operatorAuthored: "t"), description: SiteText(operatorAuthored: "d"),
        publisher: SiteText(operatorAuthored: "p"), baseURL: "https://x/", asOf: CivilDate(iso: "2026-06-01")!, updatedOn: nil,
        audience: .public, isDemo: false, source: SiteText(operatorAuthored: "s"), contentLinks: []))

    static func numbers(_ values: [String: Any]) -> [Int] {
        (values["numbers"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? Int }
    }

    @Test("the page numbers two either side, this one current; 首页 and 末页 when they are not among them")
    func values() {
        let middle = Self.factory.pagination(base: "records/", page: 5, pages: 10, root: "../../../")
        #expect(Self.numbers(middle) == [3, 4, 5, 6, 7])
        #expect((middle["numbers"] as? [[String: Any]])?.filter { $0["current"] as? Bool == true }.compactMap { $0["number"] as? Int } == [5])
        #expect(middle["first"] as? String == "../../../records/" && middle["last"] as? String == "../../../records/page/10/")
        #expect(middle["previous"] as? String == "../../../records/page/4/" && middle["next"] as? String == "../../../records/page/6/")
        let start = Self.factory.pagination(base: "records/", page: 1, pages: 2, root: "../")
        #expect(Self.numbers(start) == [1, 2] && start["first"] == nil && start["last"] == nil && start["previous"] == nil)
        let end = Self.factory.pagination(base: "records/", page: 10, pages: 10, root: "")
        #expect(Self.numbers(end) == [8, 9, 10] && end["first"] != nil && end["last"] == nil && end["next"] == nil)
        #expect(Self.numbers(Self.factory.pagination(base: "records/", page: 1, pages: 1, root: "")) == [1])
    }
}
