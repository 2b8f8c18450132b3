import Foundation
@testable import Messages
import Testing

@Suite("The message catalogue")
struct MessageCatalogueTests {
    /// Codes whose values are spelled per language (a date as 2026年3月5日 or 2026-03-05, a
    /// status as its Chinese label or its code): their templates may name different values.
    static let languageSpecific: Set<String> = [
        "reason_not_approved", "reason_not_yet_open", "reason_window_closed", "reason_depends_on_hidden", "reason_invalid",
    ]

    @Test("every code once, in both languages, naming the same values")
    func bothLanguages() {
        #expect(MessageCatalogue.repeatedCodes.isEmpty, "\(MessageCatalogue.repeatedCodes)")
        #expect(MessageCatalogue.entries.count > 150)
        for (code, entry) in MessageCatalogue.entries {
            #expect(!entry.chinese.isEmpty && !entry.english.isEmpty, "\(code)")
            #expect(code.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(code)")
            // Chinese unless the whole template is one value passed through.
            let isPassThrough = entry.chinese.hasPrefix("{") && entry.chinese.hasSuffix("}") && Message.placeholders(of: entry.chinese).count == 1
                && !entry.chinese.dropFirst().contains("{")
            #expect(isPassThrough || entry.chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(code): \(entry.chinese)")
            #expect(!entry.english.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } || entry.english.contains("不宜公开")
                || entry.english.contains("暂不披露"), "\(code): \(entry.english)")
            let (chinese, english) = MessageCatalogue.placeholders(of: code)!
            if !Self.languageSpecific.contains(code) {
                #expect(chinese == english, "\(code): \(chinese) and \(english)")
            }
        }
    }

    /// The sources' files, but the catalogue's entries (`MessageCatalogue*.swift`).
    static func sources() throws -> [(path: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.lastPathComponent.hasPrefix("MessageCatalogue") }
        return try files.map { ($0.path, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test("every code the sources name is in the catalogue, and every code of the catalogue is used")
    func codesUsed() throws {
        let sources = try Self.sources()
        #expect(sources.count > 100)
        // The first string of a call that takes a code: Message("…", say("…", tell("…", warn("…",
        // fail("…"; and the codes that the validators and decoders pass after a column.
        let calls = /(?:Message|say|tell|warn|fail)\("([a-z][a-z0-9_]*)"/
        let afterColumn = /(?:column: [^,]+|\(column|\(idColumn|\(body\.column|problem\("[a-z_]+"), "([a-z][a-z0-9_]*)"/
        var named = Set<String>()
        for (path, text) in sources {
            for match in text.matches(of: calls) { named.insert(String(match.1)); #expect(MessageCatalogue.entries[String(match.1)] != nil, "\(path): \(match.1)") }
            for match in text.matches(of: afterColumn) where text.contains("import Messages") {
                named.insert(String(match.1))
                #expect(MessageCatalogue.entries[String(match.1)] != nil, "\(path): \(match.1)")
            }
        }
        let everything = sources.map(\.text).joined()
        for code in MessageCatalogue.entries.keys where !everything.contains("\"\(code)\"") {
            Issue.record("\(code) is in the catalogue but no source names it")
        }
        #expect(named.count > 100)
    }

    @Test("values are put in once: braces inside a value are not read as placeholders")
    func filling() {
        #expect(Message.fill("{a} 与 {b}", with: ["a": "{b}", "b": "x"]) == "{b} 与 x")
        #expect(Message.fill("未闭合 {a", with: ["a": "x"]) == "未闭合 {a")
        #expect(Message("column_missing").coded(in: .chinese) == "缺少此列 [column_missing]")
        #expect(Message("column_missing").coded(in: .english) == "column is missing [column_missing]")
        #expect(Message.placeholders(of: "{a}，{b}{a}") == ["a", "b"])
    }

    @Test("the locale chooses: Chinese by default, English for C, POSIX and en_*; LC_ALL, then LC_MESSAGES, then LANG")
    func language() {
        #expect(MessageLanguage.from(environment: [:]) == .chinese)
        #expect(MessageLanguage.from(environment: ["LANG": ""]) == .chinese)
        #expect(MessageLanguage.from(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(MessageLanguage.from(environment: ["LANG": "zh_TW.UTF-8"]) == .chinese)
        #expect(MessageLanguage.from(environment: ["LANG": "de_DE.UTF-8"]) == .chinese)
        #expect(MessageLanguage.from(environment: ["LANG": "C"]) == .english)
        #expect(MessageLanguage.from(environment: ["LANG": "C.UTF-8"]) == .english)
        #expect(MessageLanguage.from(environment: ["LANG": "POSIX"]) == .english)
        #expect(MessageLanguage.from(environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(MessageLanguage.from(environment: ["LANG": "en_GB"]) == .english)
        #expect(MessageLanguage.from(environment: ["LANG": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"]) == .chinese)
        #expect(MessageLanguage.from(environment: ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"]) == .english)
        #expect(MessageLanguage.from(environment: ["LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "C", "LANG": "C"]) == .chinese)
        #expect(MessageLanguage.from(environment: ["LC_ALL": "", "LANG": "en_US.UTF-8"]) == .english)
    }
}
