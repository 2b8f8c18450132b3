import BuildPipeline
import CreditVocabulary
import DemoSnapshot
import Foundation
import SiteRender
import Testing

@Suite("Built-in layouts")
struct LayoutTests {
    static let layoutsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("layouts")

    @Test("the navigation marks the current page (aria-current=page) and the section of a page under it (true), once per page")
    func currentNavigationItem() async throws {
        let fixture = try SiteFixture()
        let today = CivilDate(iso: "2026-12-01")!
        try DemoSnapshot.write(to: fixture.snapshotPath(), today: today)
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: today))
        func current(_ page: String) throws -> [String] {
            let html = try String(contentsOfFile: fixture.out + "/" + page, encoding: .utf8)
            let nav = html[html.range(of: "<nav aria-label=\"栏目导航\">")!.lowerBound...]
            let list = nav[..<nav.range(of: "</nav>")!.lowerBound]
            return list.components(separatedBy: "<li>").compactMap { item in
                guard let start = item.range(of: "aria-current=\"")?.upperBound else { return nil }
                let value = item[start...].prefix { $0 != "\"" }
                let label = item[item.range(of: ">")!.upperBound...].prefix { $0 != "<" }
                return "\(label)=\(value)"
            }
        }
        #expect(try current("index.html") == ["首页=page"])
        #expect(try current("cases/index.html") == ["失信案例=page"])
        #expect(try current("lists/black/index.html") == ["严重失信主体名单=page"])
        #expect(try current("about/index.html") == ["栏目说明=page"])
        let casePage = try outputFiles(fixture.out).keys.sorted().first { $0.hasPrefix("cases/") && $0 != "cases/index.html" }!
        #expect(try current(casePage) == ["失信案例=true"])
        #expect(try current(try outputFiles(fixture.out).keys.sorted().first { $0.hasPrefix("records/") }!).isEmpty)
    }

    @Test("the embedded templates are exactly layouts/*.mustache (run `make layouts` after editing them)")
    func inSync() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.layoutsFolder.path)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(files.map { String($0.dropLast(".mustache".count)) }.sorted() == TemplateSet.builtInNames)
        for file in files {
            let text = try String(contentsOf: Self.layoutsFolder.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(".mustache".count))
            #expect(TemplateSet.builtIn(name) == text.trimmingCharacters(in: .newlines) + "", "\(file) differs from the embedded copy")
        }
    }

    @Test("the built-in templates only use triple mustaches for rendered Markdown")
    func escaping() throws {
        for name in TemplateSet.builtInNames {
            let source = try #require(TemplateSet.builtIn(name))
            for match in source.matches(of: /\{\{\{([a-z_]+)\}\}\}/) {
                #expect(match.output.1.hasSuffix("_html"), "\(name) prints \(match.output.1) unescaped")
            }
            #expect(!source.contains("{{&"), "\(name) uses {{& }}")
        }
    }
}
