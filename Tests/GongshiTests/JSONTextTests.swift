import Foundation
import JSONText
import Testing

@Suite("JSON written directly")
struct JSONTextTests {
    @Test("string literals escape quotes, backslashes and control characters, and markup when asked")
    func quoted() throws {
        #expect(JSONText.quoted("罚款 3000 元") == "\"罚款 3000 元\"")
        #expect(JSONText.quoted("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\u000a\\u0001\"")
        #expect(JSONText.quoted("<a>&") == "\"<a>&\"")
        #expect(JSONText.quoted("<a>&", escapingMarkup: true) == "\"\\u003ca\\u003e\\u0026\"")
        for text in ["", "\u{0}\u{1f}\u{7f}", "𠀀\"\\/", "<script>alert('x')</script>"] {
            let decoded = try JSONSerialization.jsonObject(
                with: Data(JSONText.quoted(text, escapingMarkup: true).utf8), options: .fragmentsAllowed)
            #expect(decoded as? String == text)
        }
    }

    @Test("documents are written with sorted keys, nil values left out, and parse back")
    func pretty() throws {
        let value = JSONValue.object([
            ("b", .array([.int(1), .bool(false), .string("x\ny")])), ("a", .object([])), ("c", nil),
            ("d", .array([])), ("é", .optional("值")),
        ])
        let text = String(decoding: value.pretty(), as: UTF8.self)
        #expect(text == "{\n  \"a\" : {},\n  \"b\" : [\n    1,\n    false,\n    \"x\\u000ay\"\n  ],\n  \"d\" : [],\n  \"é\" : \"值\"\n}\n")
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed.keys.sorted() == ["a", "b", "d", "é"])
    }
}
