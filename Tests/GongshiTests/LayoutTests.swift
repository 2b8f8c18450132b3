import Foundation
import SiteRender
import Testing

@Suite("Built-in layouts")
struct LayoutTests {
    static let layoutsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("layouts")

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
