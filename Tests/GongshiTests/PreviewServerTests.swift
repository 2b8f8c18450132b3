@testable import BuildPipeline
import CreditVocabulary
import DemoSnapshot
import Foundation
import Redaction
import SnapshotReader
import SnapshotModel
import DisclosurePolicy
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import PreviewServer
import Testing

/// Whether `condition` holds within `seconds`, tried every 50 ms.
func eventually(_ seconds: Double = 20, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return false
}

/// A preview server on a free loopback port for the duration of `body`, its access log in a
/// temporary file unless `configure` says otherwise.
func withPreviewServer(snapshot: String, site: String, configure: (inout PreviewOptions) -> Void = { _ in },
                       _ body: (URL) async throws -> Void) async throws {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    var options = PreviewOptions(snapshot: snapshot, site: site, port: 0,
                                 accessLog: NSTemporaryDirectory() + "gongshi-preview-\(UUID().uuidString).log")
    configure(&options)
    let server = Task { [options] in
        try await PreviewServer.run(options) { port in continuation.yield(port) }
    }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw PreviewError(description: "server did not start") }
    try await body(URL(string: "http://127.0.0.1:\(port)")!)
}

func fetch(_ url: URL, method: String = "GET", body: Data? = nil) async throws -> (Int, String) {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.httpBody = body
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}

@Suite("Reviewer preview", .serialized)
struct PreviewServerTests {
    func planted(_ fixture: SiteFixture) throws -> TestSnapshotFile {
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("P1", kind: "natural_person", name: "王小明", [
            "id_number": "11010519491231002X", "phone": "13812345678", "address": "福建省福州市鼓楼区五四路123号3单元401室"])
        try file.subject("B1", kind: "individual_business", name: "福州市鼓楼区李记小吃店", ["legal_representative": "李大海",
                                                                                   "address": "福建省福州市鼓楼区东街口1号"])
        try file.record("R-DRAFT", subject: "P1", [
            "review_status": "draft", "approved_on": nil,
            "facts_md": "王小明（身份证 11010519491231002X），手机 13812345678，电话 0591-87654321，卡号 6222021234567890128，邮箱 wxm@example.com，住五四路123号3单元401室。秘方A。",
        ])
        try file.record("R-SHOP", subject: "B1", ["facts_md": "经营者李大海。"])
        try file.insert("redaction_overrides", ["id": "O1", "target_table": "records", "target_id": "R-DRAFT", "field": "facts_md",
                                                "phrase": "秘方A", "reason": "trade_secret"])
        return file
    }

    @Test("a draft record renders with its banner; every rule is highlighted; originals are fetched only when revealed, and logged")
    func draftRecord() async throws {
        let fixture = try SiteFixture()
        let file = try planted(fixture)
        let log = fixture.snapshotPath("access.log")
        try await withPreviewServer(snapshot: file.path, site: fixture.site, configure: { $0.accessLog = log }) { base in
            let (status, page) = try await fetch(base.appendingPathComponent("records/R-DRAFT/"))
            #expect(status == 200)
            #expect(page.contains("审核预览 · 非公开页面") && page.contains("草稿") && page.contains("若于"))
            #expect(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
            #expect(page.contains("preview-watermark"))
            for rule in ["id_number", "mobile", "landline", "bank_card", "email", "person_name", "address", "override",
                         "masked_name_field", "county_address"] {
                #expect(page.contains("data-rule=\"\(rule)\""), "no highlight for \(rule)")
            }
            #expect(page.contains("title=\"已作技术处理：身份证号\""))
            // The page holds no original; each highlight has an empty place the toggle fills.
            let originals = ["11010519491231002X", "13812345678", "0591-87654321", "6222021234567890128", "wxm@example.com",
                             "王小明", "秘方A"]
            for original in originals {
                #expect(!page.contains(original), "\(original) is in the page before it is revealed")
            }
            let places = page.matches(of: /<span class="original" hidden data-n="([0-9]+)"><\/span>/).map { Int($0.output.1)! }
            #expect(!places.isEmpty)
            #expect(try String(contentsOfFile: log, encoding: .utf8).isEmpty, "nothing revealed yet")
            // The toggle's address gives them, indexed as the places, and the reveal is logged.
            let address = try #require(page.firstMatch(of: /data-originals="([^"]+)"/)).output.1
            let (revealStatus, revealed) = try await fetch(URL(string: base.absoluteString + address.replacingOccurrences(of: "&amp;", with: "&"))!)
            #expect(revealStatus == 200)
            let list = try #require((try JSONSerialization.jsonObject(with: Data(revealed.utf8)) as? [String: Any])?["originals"] as? [String])
            #expect(places.allSatisfy { list.indices.contains($0) })
            for original in originals {
                #expect(list.contains { $0.contains(original) }, "\(original) is not among the revealed originals")
            }
            let logged = try String(contentsOfFile: log, encoding: .utf8)
            #expect(logged.contains("\"event\":\"reveal\"") && logged.contains("\"id\":\"R-DRAFT\"")
                    && logged.contains("records/R-DRAFT/facts_md") && logged.contains("\"reviewer\":\"本机审核人员\""), "\(logged)")
            // Originals made for an earlier snapshot are refused: their numbers would not match.
            let stale = try await fetch(URL(string: base.absoluteString + address.replacingOccurrences(of: "v=1", with: "v=0"))!)
            #expect(stale.0 == 409 && stale.1.contains("快照已更新"))
            let (_, shop) = try await fetch(base.appendingPathComponent("records/R-SHOP/"))
            #expect(shop.contains("公众今日可见"))
            let (_, report) = try await fetch(base.appendingPathComponent("_preview/redactions/records/R-DRAFT/"))
            #expect(report.contains("override") && !report.contains("秘方A"))
            // The row report shows masks as a reader sees them, and its 原文 column is what
            // the toggle shows.
            #expect(report.contains("<td>138****5678</td>") && !report.contains("\\*"), "Markdown escapes in the 公示文本 column")
            #expect(report.contains("<td><span class=\"original\" hidden data-n=\"") && report.contains("data-originals=\"/_preview/originals/records/"))
            #expect(PreviewAssets.script.contains(".preview-table .original"))
            let (_, all) = try await fetch(base.appendingPathComponent("_preview/redactions/"))
            #expect(all.contains("信用记录 R-DRAFT") && all.contains("身份证号") && !all.contains("records[R-DRAFT]"))
            // Its table of rows, not a value's debug dump.
            #expect(!all.contains("SQL(elements") && !all.contains("GRDB."))
            #expect(all.contains("<tr><td><a href=\"/records/"), "\(all.prefix(3000))")
        }
    }

    @Test("the global report: counts per rule, then row, field, rule and count, 200 lines to a page, by rule")
    func globalReport() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        for index in 1...250 {
            try file.record("R\(index)", subject: "S1", ["facts_md": index.isMultiple(of: 2)
                ? "联系电话13812345678，备用13912345678。" : "邮箱 a\(index)@example.com。"])
        }
        try await withPreviewServer(snapshot: file.path, site: fixture.site) { base in
            func report(_ query: String) async throws -> String {
                try await fetch(URL(string: base.absoluteString + "/_preview/redactions/?" + query)!).1
            }
            let first = try await report("")
            #expect(first.contains("自由文本中检出个人信息或标注内容的信息（250 处）") && first.contains("第 1 / 2 页"))
            #expect(first.matches(of: /<tr><td><a href="\/records\//).count == 200)
            // R2 before R10; the field in Chinese; the count of replacements in that field.
            let order = first.matches(of: /<a href="\/records\/(R[0-9]+)\/">/).map { String($0.output.1) }
            #expect(Array(order.prefix(3)) == ["R1", "R2", "R3"], "\(order.prefix(5))")
            #expect(first.contains("<span title=\"facts_md\">失信事实</span>"))
            #expect(first.contains("手机号码</span></td><td>2</td></tr>"), "two mobiles in one field count as 2")
            #expect(first.contains("<tr><td><a href=\"/_preview/redactions/?rule=mobile\">"), "a rule's count links to its lines")
            let second = try await report("page=2")
            #expect(second.matches(of: /<tr><td><a href="\/records\//).count == 50 && second.contains("首页"))
            let mobiles = try await report("rule=mobile")
            #expect(mobiles.contains("检出“手机号码”的信息（125 处）") && !mobiles.contains(">电子邮箱</span></td>"))
            #expect(try await report("rule=nonsense").contains("（250 处）"), "an unknown rule shows every line")
        }
    }

    @Test("the index lists rows waiting for approval, by kind and authority")
    func index() async throws {
        let fixture = try SiteFixture()
        let snapshot = fixture.snapshotPath("demo.sqlite")
        try DemoSnapshot.write(to: snapshot)
        try await withPreviewServer(snapshot: snapshot, site: fixture.site) { base in
            let (status, page) = try await fetch(base)
            #expect(status == 200)
            #expect(page.contains("records/REC-012/") && page.contains("reports/VR-36-3-DRAFT/"))
            let (_, records) = try await fetch(URL(string: base.absoluteString + "/?kind=records")!)
            #expect(records.contains("records/REC-012/") && !records.contains("reports/VR-36-3-DRAFT/"))
            let (_, byAuthority) = try await fetch(URL(string: base.absoluteString + "/?authority=%E4%BD%8F%E6%88%BF")!)
            #expect(byAuthority.contains("VR-36-3-DRAFT") && !byAuthority.contains("REC-012"))
        }
    }

    @Test("pending rows are listed in the order a person counts ids: R2 before R10")
    func naturalOrder() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        for id in ["R10", "R2", "R1056", "R112", "R1"] {
            try file.record(id, subject: "S1", ["review_status": "pending", "approved_on": nil, "severity": id == "R2" ? "minor" : "general"])
        }
        try await withPreviewServer(snapshot: file.path, site: fixture.site) { base in
            let (_, page) = try await fetch(base)
            let order = page.matches(of: /records\/(R[0-9]+)\//).map { String($0.output.1) }
            #expect(order == ["R1", "R2", "R10", "R112", "R1056"], "\(order)")
            // What approving each would mean for the public, and how many would never be shown.
            #expect(page.contains("若今日审核通过") && page.contains("其中 1 条即使今日审核通过也不会公示"), "\(page)")
            #expect(page.matches(of: /<td>公示期：/).count == 4)
            let (_, found) = try await fetch(URL(string: base.absoluteString + "/?q=R11")!)
            #expect(found.contains("records/R112/") && !found.contains("records/R10/"), "\(found)")
        }
    }

    @Test("finding work: a person's entries by the stored name, any case, subject and date columns, sorting, pages of 100")
    func findWork() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("P1", kind: "natural_person", name: "王小明", ["id_number": "11010519491231002X"])
        try file.subject("S1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        try file.record("rx-person", subject: "P1", ["review_status": "pending", "approved_on": nil, "decided_on": "2026-02-01"])
        try file.commitment("C-PERSON", subject: "P1", ["review_status": "draft", "approved_on": nil, "made_on": "2026-02-03"])
        for index in 1...120 {
            try file.record("R\(index)", subject: "S1", ["review_status": "pending", "approved_on": nil,
                                                         "decided_on": "2026-01-\(String(format: "%02d", index % 28 + 1))",
                                                         "document_no": "榕市监罚〔2026〕\(index)号"])
        }
        try await withPreviewServer(snapshot: file.path, site: fixture.site) { base in
            func index(_ query: String) async throws -> String {
                try await fetch(URL(string: base.absoluteString + "/?" + query)!).1
            }
            // A natural person's rows, found by the name as stored; shown under the public mask.
            let person = try await index("q=" + "王小明".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            let found = person.matches(of: /<tr><td><a href="\/([a-z]+)\/([^\/]+)\/">/).map { String($0.output.1) }
            #expect(found.sorted() == ["commitments", "records"], "\(found)")
            #expect(person.contains("<td>王某</td>") && !person.contains(">王小明<"))
            // Ids in any case, USCC, document numbers.
            #expect(try await index("q=RX-PERSON").contains("共 1 条"))
            #expect(try await index("q=91350100m000100y43").contains("共 120 条"))
            #expect(try await index("q=" + "〔2026〕7号".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).contains("共 1 条"))
            // Columns, pages of 100 with first/last links, the date order.
            let first = try await index("")
            #expect(first.contains("<th scope=\"col\">主体</th>") && first.contains("<th scope=\"col\">日期</th>"))
            #expect(first.contains("共 122 条") && first.contains("第 1 / 2 页") && first.contains("page=2"))
            #expect(first.matches(of: /<tr><td>/).count == 100)
            let second = try await index("page=2")
            #expect(second.matches(of: /<tr><td>/).count == 22 && second.contains("首页"))
            let byDate = try await index("sort=date")
            let dates = byDate.matches(of: /<td>(2026年[0-9]+月[0-9]+日)<\/td>/).map { String($0.output.1) }
            #expect(dates.first == "2026年2月3日" && dates.dropFirst().first == "2026年2月1日", "\(dates.prefix(3))")
            #expect(byDate.contains("<option value=\"date\" selected>"))
        }
    }

    @Test("text no rule changed but that looks like personal data gets its own mark, and the row report lists it")
    func doubts() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        try file.record("R1", subject: "S1", ["review_status": "pending", "approved_on": nil,
                                              "facts_md": "经查，联系人禤小龙表示不知情，电话87654321，证号123456789012345670。罚款1200000元。当事人张建涛表示认可。"])
        try await withPreviewServer(snapshot: file.path, site: fixture.site) { base in
            let (_, page) = try await fetch(base.appendingPathComponent("records/R1/"))
            for (kind, text) in [("name_like", "禤小龙"), ("phone_like", "87654321"), ("long_number", "123456789012345670")] {
                #expect(page.contains("<mark class=\"doubt\" data-doubt=\"\(kind)\" title=\"未作处理，请核对：") && page.contains("\">\(text)</mark>"),
                        "\(kind) \(text)")
            }
            #expect(!page.contains(">1200000</mark>") && page.contains("疑似个人信息（未作处理）") && page.contains("另有 3 处疑似个人信息未作处理"))
            // The context-name detector's hits have a mark of their own, named in the legend.
            #expect(page.contains("data-rule=\"context_name\" title=\"已作技术处理：疑似自然人姓名\"") && !page.contains(">张建涛<"))
            #expect(PreviewAssets.stylesheet.contains(".redaction[data-rule=\"context_name\"]"))
            let (_, report) = try await fetch(base.appendingPathComponent("_preview/redactions/records/R1/"))
            #expect(report.contains("看似个人信息、未作处理的文字（3 处）") && report.contains("<td>疑似自然人姓名</td>")
                    && report.contains("联系人禤小龙表示"), "\(report)")
        }
    }

    @Test("marker characters in snapshot text cannot forge a highlight: the reader removes them")
    func forgedMarkers() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        let forged = "\(PreviewMarker.start)0\(PreviewMarker.separator)已隐去\(PreviewMarker.end)"
        try file.record("R1", subject: "S1", ["review_status": "pending", "approved_on": nil,
                                              "facts_md": "经查，该公司联系人为\(forged)，另有\u{FFFE}说明。"])
        try await withPreviewServer(snapshot: file.path, site: fixture.site) { base in
            let (status, page) = try await fetch(base.appendingPathComponent("records/R1/"))
            #expect(status == 200 && page.contains("联系人为0已隐去，另有说明"), "\(page)")
            #expect(!page.contains("<span class=\"masked\">已隐去</span>"))
            #expect(!page.unicodeScalars.contains { (0xFDD0...0xFDEF).contains($0.value) || $0.value == 0xFFFE })
        }
        #expect(UnsafeCharacters.removing(from: "a\(PreviewMarker.start)b\u{FFFF}c")?.text == "abc")
        #expect(UnsafeCharacters.removing(from: "\u{FDCF}\u{FDF0}\u{E000}") == nil, "neighbours and private use stay")
    }

    @Test("the index shows a redacted title as it reads, without the preview's markers")
    func indexTitles() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("P1", kind: "natural_person", name: "崔芳")
        try file.subject("S1", name: "兰州强杰餐饮管理有限公司", ["uscc": "91350100M000100Y43"])
        try file.caseRow("K1")
        try file.report("V1", case: "K1", ["title": "关于崔芳拖欠农民工工资案例的核查报告", "review_status": "pending", "approved_on": nil])
        try await withPreviewServer(snapshot: file.path, site: fixture.site) { base in
            let (_, page) = try await fetch(base)
            #expect(page.contains(">关于崔某拖欠农民工工资案例的核查报告</a>"), "\(page)")
            #expect(!page.contains(String(PreviewMarker.start)) && !page.contains(String(PreviewMarker.end)))
        }
    }

    @Test("only GET, bounded requests, unknown paths and ids 404, loopback unless allowed")
    func safety() async throws {
        let fixture = try SiteFixture()
        let file = try planted(fixture)
        try await withPreviewServer(snapshot: file.path, site: fixture.site) { base in
            let post = try await fetch(base.appendingPathComponent("records/R-DRAFT/"), method: "POST")
            #expect(post.0 == 405)
            let delete = try await fetch(base.appendingPathComponent("records/R-DRAFT/"), method: "DELETE")
            #expect(delete.0 == 405)
            // HEAD answers as GET does, without a body.
            let head = try await fetch(base.appendingPathComponent("records/R-DRAFT/"), method: "HEAD")
            #expect(head.0 == 200 && head.1.isEmpty)
            #expect(try await fetch(base.appendingPathComponent("records/NO-SUCH/"), method: "HEAD").0 == 404)
            // A natural person's page, whose public address is a keyed hash, at the platform id.
            let (personStatus, person) = try await fetch(base.appendingPathComponent("subjects/P1/"))
            #expect(personStatus == 200 && person.contains("王某"), "\(person.prefix(500))")
            // The header's section links say what the preview shows instead of 没有这条信息.
            for section in ["cases/", "lists/black/", "search/", "about/"] {
                let (status, page) = try await fetch(base.appendingPathComponent(section))
                #expect(status == 200 && page.contains("栏目页面不在预览中"), "\(section)")
            }
            let unknownPath = try await fetch(base.appendingPathComponent("nothing/here/"))
            #expect(unknownPath.0 == 404)
            let unknownRow = try await fetch(base.appendingPathComponent("records/NO-SUCH-ROW/"))
            #expect(unknownRow.0 == 404)
            let unknownReport = try await fetch(base.appendingPathComponent("_preview/redactions/records/NO-SUCH-ROW/"))
            #expect(unknownReport.0 == 404)
            let long = try await fetch(URL(string: base.absoluteString + "/?q=" + String(repeating: "a", count: 3000))!)
            #expect(long.0 == 414)
        }
        await #expect(throws: PreviewError.self) {
            try await PreviewServer.run(PreviewOptions(snapshot: file.path, site: fixture.site, host: "0.0.0.0", port: 0))
        }
    }

    @Test("a re-exported snapshot is picked up without a restart; a public build afterwards holds no preview markup")
    func freshAndSeparate() async throws {
        let fixture = try SiteFixture()
        let file = try planted(fixture)
        try await withPreviewServer(snapshot: file.path, site: fixture.site) { base in
            let before = try await fetch(base.appendingPathComponent("records/R-NEW/"))
            #expect(before.0 == 404)
            let next = try TestSnapshotFile(at: fixture.snapshotPath("next.sqlite"))
            try next.subject("S1", name: "福州某公司")
            try next.record("R-NEW", subject: "S1")
            try FileManager.default.removeItem(atPath: file.path)
            try FileManager.default.moveItem(atPath: next.path, toPath: file.path)
            // The new version is made in the background; meanwhile the old one answers, saying so.
            let meanwhile = try await fetch(base.appendingPathComponent("records/R-DRAFT/"))
            #expect(meanwhile.0 == 200 && meanwhile.1.contains("正在载入新版本"))
            #expect(try await eventually { try await fetch(base.appendingPathComponent("records/R-NEW/")).0 == 200 })
            #expect(!(try await fetch(base).1.contains("正在载入新版本")))
        }
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: CivilDate(iso: "2026-03-01")!))
        for (path, text) in try outputText(fixture.out) {
            for marker in ["class=\"redaction\"", "class=\"doubt\"", "_preview", String(PreviewMarker.start), String(PreviewMarker.end), "预览 · 非公开", "class=\"original\""] {
                #expect(!text.contains(marker), "\(path) holds preview markup \(marker)")
            }
        }
    }
}

@Suite("Reviewer preview: pages made once per snapshot")
struct PreviewPageMemoTests {
    @Test("a row's preview is made once and served again; the memo forgets the oldest past its budget")
    func memo() throws {
        let folder = TemporaryFolder()
        try DemoSnapshot.write(to: folder.path("demo.sqlite"))
        let fixture = try SiteFixture()
        let renderer = try PreviewRenderer(snapshot: folder.path("demo.sqlite"), site: fixture.site)
        let first = try #require(try renderer.page(.records, segment: "REC-001"))
        let again = try #require(try renderer.page(.records, segment: "REC-001"))
        #expect(first.html == again.html && first.html.contains("<html"))
        #expect(try renderer.page(.records, segment: "NO-SUCH-ROW") == nil)

        let size = first.html.utf8.count
        let memo = PreviewPageMemo(budget: 4 * size + 10)
        for index in 0..<6 { memo.keep(first, for: "k\(index)") }
        #expect(memo.page("k0") == nil && memo.page("k1") == nil)
        #expect((2..<6).allSatisfy { memo.page("k\($0)") != nil })
        let small = PreviewPageMemo(budget: 2 * size)
        small.keep(first, for: "big")
        #expect(small.page("big") == nil, "a page over a quarter of the budget is not kept")
    }
}

@Suite("Reviewer preview: a row's context patched, not rebuilt")
struct PreviewIndexesTests {
    /// The context the preview made before: the whole disclosure copied with `forced` added,
    /// and every index rebuilt over the snapshot.
    func rebuilt(_ renderer: PreviewRenderer, forcing forced: [RowRef]) -> BuildContext {
        var disclosure = renderer.internalDisclosure
        for ref in forced where disclosure.shown[ref] == nil {
            disclosure.shown[ref] = Disclosure.Shown(window: nil, pendingObjection: nil)
        }
        return BuildContext(reader: renderer.reader, snapshot: renderer.snapshot, disclosure: disclosure, redactor: renderer.redactor,
                            factory: renderer.factory, templates: renderer.templates)
    }

    @Test("every row's page is the same from the patched context as from indexes rebuilt with the row forced",
          arguments: ["demo", "synthetic"])
    func samePages(_ source: String) throws {
        let folder = TemporaryFolder()
        let path = folder.path("\(source).sqlite")
        if source == "demo" {
            try DemoSnapshot.write(to: path)
        } else {
            try SyntheticSnapshot.write(to: path, records: 600, today: CivilDate(iso: "2026-06-01")!, seed: 7)
        }
        let fixture = try SiteFixture()
        let renderer = try PreviewRenderer(snapshot: path, site: fixture.site, asOf: CivilDate(iso: "2026-06-01")!)
        let snapshot = renderer.snapshot
        var compared = 0
        var forcedSomething = 0
        func same(_ forced: [RowRef], _ page: (BuildContext) -> RenderedPage, _ label: String) {
            if forced.contains(where: { renderer.internalDisclosure.shown[$0] == nil }) { forcedSomething += 1 }
            let patched = page(renderer.indexes.context(forcing: forced)).html
            let reference = page(rebuilt(renderer, forcing: forced)).html
            #expect(patched == reference, "\(label) differs")
            compared += 1
        }
        for row in snapshot.records where snapshot.subjects.contains(where: { $0.id == row.subjectID }) {
            var forced = [RowRef(.records, row.id), RowRef(.subjects, row.subjectID)]
            forced += snapshot.rectifications.filter { $0.recordID == row.id }.map { RowRef(.rectifications, $0.id) }
            forced += snapshot.interviews.filter { $0.recordID == row.id }.map { RowRef(.interviews, $0.id) }
            forced += snapshot.repairActions.filter { $0.recordID == row.id }.map { RowRef(.repairActions, $0.id) }
            same(forced, { $0.recordPage(row, facts: "事实。") }, "record \(row.id)")
        }
        for row in snapshot.reports {
            same([RowRef(.verificationReports, row.id), RowRef(.cases, row.caseID)], { $0.reportPage(row, body: "正文。") }, "report \(row.id)")
        }
        for row in snapshot.cases {
            same([RowRef(.cases, row.id)], { $0.casePage(row, summary: nil) }, "case \(row.id)")
        }
        for row in snapshot.commitments where snapshot.subjects.contains(where: { $0.id == row.subjectID }) {
            same([RowRef(.commitments, row.id), RowRef(.subjects, row.subjectID)], { $0.commitmentPage(row, body: "承诺。") }, "commitment \(row.id)")
        }
        for row in snapshot.subjects {
            let entries = snapshot.listEntries.filter { $0.subjectID == row.id }
            same([RowRef(.subjects, row.id)] + entries.map { RowRef(.listEntries, $0.id) }, { $0.subjectPage(row, reasons: [:]) }, "subject \(row.id)")
        }
        let (pages, forcedPages) = source == "demo" ? (30, 2) : (800, 100)
        #expect(compared > pages && forcedSomething > forcedPages, "\(compared) pages, \(forcedSomething) with rows forced")
    }
}
