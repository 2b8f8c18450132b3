import BuildPipeline
import CreditVocabulary
import Foundation
import PageModel
import Testing

@Suite("Pages: what a citizen reads")
struct PageTextTests {
    @Test("amounts read as documents write them", arguments: [
        (3000, "3000元"), (10_000, "1万元"), (1_200_000, "120万元"), (12_345, "1.2345万元"), (1_050_000, "105万元"),
        (100_500, "10.05万元"), (300_000_000, "3亿元"), (245_000_000, "2.45亿元"), (0, "0元"),
    ])
    func yuan(_ amount: Int, _ expected: String) {
        #expect(YuanAmount.chinese(amount) == expected)
    }

    @Test("a record says 公示中 and when and why it will stop being shown; fines in 万元; the home page's title once")
    func recordPage() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        try file.record("R1", subject: "S1", ["fine_yuan": 1_200_000])
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-03-01")!))
        let page = try String(contentsOfFile: fixture.out + "/records/R1/index.html", encoding: .utf8)
        #expect(page.contains("120万元") && !page.contains("1200000 元"))
        #expect(page.contains("<strong class=\"disclosure-now\">公示中</strong>"))
        #expect(page.contains("届时公示期满，不再公示"), "the end is in the future, and says so")
        let home = try String(contentsOfFile: fixture.out + "/index.html", encoding: .utf8)
        #expect(home.contains("<title>失信案例核查</title>"))
        #expect(page.contains(" - 失信案例核查</title>"))
    }
}

@Suite("Pages: lists on a phone")
struct PhoneListTests {
    @Test("list and commitment tables become one card per row on a narrow screen: every cell after the name names its column")
    func cardTables() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43"])
        try file.listEntry("L1", subject: "S1")
        try file.commitment("M1", subject: "S1")
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-03-01")!))
        for path in ["lists/black/index.html", "commitments/index.html"] {
            let page = try String(contentsOfFile: fixture.out + "/" + path, encoding: .utf8)
            #expect(page.contains("<table class=\"card-table\">"), "\(path)")
            let row = try #require(page.firstMatch(of: /<tbody>\s*<tr>(.*?)<\/tr>/.dotMatchesNewlines()).map { String($0.output.1) })
            let cells = row.matches(of: /<td[^>]*>/).map { String($0.output) }
            #expect(cells.count >= 3 && !cells[0].contains("data-label") && cells.dropFirst().allSatisfy { $0.contains("data-label=") },
                    "\(path): \(cells)")
        }
        let css = try String(contentsOfFile: fixture.out + "/assets/style.css", encoding: .utf8)
        #expect(css.contains("@media (max-width: 40rem)") && css.contains("table.card-table td[data-label]::before"))
    }
}

@Suite("Pages: conclusions")
struct ConclusionBadgeTests {
    @Test("属实, 部分属实 and 不属实 badges differ wherever a report is listed")
    func badges() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.caseRow("K1")
        for (id, conclusion) in [("V1", "confirmed"), ("V2", "partially_confirmed"), ("V3", "unfounded")] {
            try file.report(id, case: "K1", ["conclusion": conclusion])
        }
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out,
                                           asOf: CivilDate(iso: "2026-03-01")!))
        for path in ["index.html", "cases/K1/index.html"] {
            let page = try String(contentsOfFile: fixture.out + "/" + path, encoding: .utf8)
            for code in ["confirmed", "partially_confirmed", "unfounded"] {
                #expect(page.contains("class=\"tag conclusion \(code)\""), "\(path): \(code)")
            }
        }
        let css = try String(contentsOfFile: fixture.out + "/assets/style.css", encoding: .utf8)
        #expect(css.contains(".tag.conclusion.unfounded") && css.contains(".tag.conclusion.partially_confirmed"))
    }
}
