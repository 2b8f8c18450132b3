@testable import BuildPipeline
import CreditVocabulary
import Foundation
import Messages
import Testing

@Suite("Timeliness and the audit gate")
struct TimelinessTests {
    func snapshot(_ fixture: SiteFixture) throws -> TestSnapshotFile {
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州甲公司")
        // Decided Friday 13 February 2026; 7 working days later is 2 March (Spring Festival in between).
        try file.record("ON-TIME", subject: "S1", ["decided_on": "2026-02-13", "approved_on": "2026-03-02",
                                                   "authority": "福州市市场监督管理局", "document_no": "榕市监罚〔2026〕1号"])
        try file.record("LATE", subject: "S1", ["decided_on": "2026-02-13", "approved_on": "2026-03-03",
                                                "authority": "福州市市场监督管理局", "document_no": "榕市监罚〔2026〕2号"])
        try file.record("OTHER", subject: "S1", ["decided_on": "2026-03-02", "approved_on": "2026-03-20",
                                                 "authority": "福州市生态环境局"])
        try file.record("NOT-A-PENALTY", subject: "S1", ["kind": "judgment", "decided_on": "2026-01-05", "approved_on": "2026-03-20"])
        return file
    }

    @Test("the report lists penalties published later than 7 working days")
    func report() async throws {
        let fixture = try SiteFixture()
        let file = try snapshot(fixture)
        let report = try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                                        asOf: CivilDate(iso: "2026-04-01")!))
        #expect(Set(report.timeliness.late.map(\.id)) == ["LATE", "OTHER"])
        #expect(report.timeliness.late.first { $0.id == "LATE" }?.workingDays == 8)
        #expect(!report.timeliness.late.contains { $0.id == "ON-TIME" || $0.id == "NOT-A-PENALTY" })
        // The page is for operators only.
        #expect(!FileManager.default.fileExists(atPath: fixture.out + "/timeliness/index.html"))
    }

    @Test("an internal build has a per-authority timeliness page")
    func internalPage() async throws {
        let fixture = try SiteFixture()
        let file = try snapshot(fixture)
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-04-01")!, audience: .internal))
        let page = String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/timeliness/index.html")), as: UTF8.self)
        #expect(page.contains("<tr><td>福州市市场监督管理局</td><td>2</td><td>1</td><td>8</td></tr>"))
        #expect(page.contains("<tr><td>福州市生态环境局</td><td>1</td><td>1</td>"))
        #expect(page.contains("榕市监罚〔2026〕2号") && !page.contains("榕市监罚〔2026〕1号"))
        #expect(page.contains("noindex"))
    }

    @Test("a year the calendar lacks is reported, not guessed")
    func missingYear() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州甲公司")
        try file.record("R2027", subject: "S1", ["decided_on": "2026-12-30", "approved_on": "2027-01-06"])
        var warnings: [String] = []
        let report = try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                                        asOf: CivilDate(iso: "2027-01-10")!)) { warnings.append($0.text(in: .english)) }
        #expect(report.timeliness.notComputed.map(\.id) == ["R2027"])
        #expect(warnings.contains { $0.contains("no holiday arrangement for 2027") })
    }

    @Test("an as-of date outside the calendar is announced even when nothing needs that year")
    func asOfOutsideCalendar() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州甲公司")
        try file.record("R1", subject: "S1")
        var warnings: [String] = []
        let report = try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                                        asOf: CivilDate(iso: "2027-01-10")!)) { warnings.append($0.text(in: .english)) }
        #expect(report.timeliness.notComputed.isEmpty)
        #expect(warnings.contains { $0.contains("not 2027") && $0.contains("[calendar.2027]") }, "\(warnings)")
        var inside: [String] = []
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-06-10")!)) { inside.append($0.text(in: .english)) }
        #expect(!inside.contains { $0.contains("working-day calendar covers") })
    }

    @Test("with --audit, a site the audit rejects is not published")
    func auditGate() async throws {
        // A layout that prints a natural person's raw ID number cannot exist (layouts only see
        // redacted values), so the gate is tested with a content page that holds one.
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("P1", kind: "natural_person", name: "王小明", ["id_number": "11010519491231002X"])
        try file.subject("S1", name: "福州甲公司")
        try file.record("R1", subject: "S1")
        var options = BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: CivilDate(iso: "2026-03-01")!)
        options.auditBeforePublishing = true
        try await SiteBuilder.build(options)
        let before = try outputFiles(fixture.out)
        try "# 说明\n\n联系人 王小明\n".write(toFile: fixture.site + "/content/about.md", atomically: true, encoding: .utf8)
        await #expect(throws: BuildError.self) { try await SiteBuilder.build(options) }
        #expect(try outputFiles(fixture.out) == before)
    }
}
