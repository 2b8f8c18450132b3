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

    @Test("objects written field by field have the bytes of the same objects as values, at any depth")
    func objectsFieldByField() {
        let rows: [(String?, Int, String)] = [("a\"<b", -3, "x"), (nil, 0, ""), ("表", 12_345, "\n"), ("", Int.max, "z")]
        let direct = JSONValue.object([
            ("list", .objects(count: rows.count) { index, fields in
                fields.string("a", rows[index].0)
                fields.int("b", rows[index].1)
                fields.string("c", rows[index].2)
            }),
            ("nested", .array([.objects(count: 1) { _, _ in }, .objects(count: 0) { _, _ in }])),
        ])
        let values = JSONValue.object([
            ("list", .array(rows.map { .object([("a", .optional($0.0)), ("b", .int($0.1)), ("c", .string($0.2))]) })),
            ("nested", .array([.array([.object([])]), .array([])])),
        ])
        #expect(direct.pretty() == values.pretty())
        var pieces: [UInt8] = []
        try? direct.writePretty(chunk: 7) { pieces += $0 }
        #expect(pieces == values.pretty())
    }

    @Test("decimal numbers are written as String(value) writes them")
    func decimals() {
        var values = [0, 1, 9, 10, 99, 100, -1, -10, Int.max, Int.min, Int(Int32.max), 1_000_000_007]
        var generator = SystemRandomNumberGenerator()
        values += (0..<2_000).map { _ in Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...63, using: &generator) }
        for value in values {
            var out: [UInt8] = [UInt8(ascii: "x")]
            JSONText.appendDecimal(value, to: &out)
            #expect(out == Array(("x" + String(value)).utf8))
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

    @Test("a document written in pieces, with arrays made item by item, has the bytes of the whole")
    func writtenInPieces() throws {
        let words = (0..<500).map { "词\($0)" }
        let lazy = JSONValue.object([
            ("list", .items(count: words.count) { .object([("w", .string(words[$0])), ("n", .int($0))]) }),
            ("none", .items(count: 0) { _ in .int(0) }), ("x", .bool(true)),
        ])
        let eager = JSONValue.object([
            ("list", .array(words.indices.map { .object([("w", .string(words[$0])), ("n", .int($0))]) })),
            ("none", .array([])), ("x", .bool(true)),
        ])
        #expect(lazy.pretty() == eager.pretty())
        for chunk in [1, 100, 4096, 1 << 20] {
            var pieces: [[UInt8]] = []
            try lazy.writePretty(chunk: chunk) { pieces.append($0) }
            #expect(Array(pieces.joined()) == eager.pretty())
            if chunk == 100 { #expect(pieces.count > 10) }
        }
    }

    @Test("values written ahead to files are copied in with the bytes they would have had, at any depth")
    func prewritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-parts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let words = (0..<3000).map { "词\($0)\"<>" }
        let list = JSONValue.items(count: words.count) { .object([("w", .string(words[$0])), ("n", .int($0))]) }
        let nested = JSONValue.object([("inner", list), ("empty", .array([]))])
        let whole = JSONValue.object([("a", list), ("b", .int(1)), ("c", nested), ("d", .array([]))])
        let parts = JSONValue.object([
            ("a", .prewritten(try PrewrittenJSON(list, depth: 1, in: folder))), ("b", .int(1)),
            ("c", .object([("inner", .prewritten(try PrewrittenJSON(list, depth: 2, in: folder))), ("empty", .array([]))])),
            ("d", .prewritten(try PrewrittenJSON(.array([]), depth: 1, in: folder))),
        ])
        #expect(parts.pretty() == whole.pretty())
        for chunk in [1, 4096, 1 << 20] {
            var pieces: [[UInt8]] = []
            try parts.writePretty(chunk: chunk) { pieces.append($0) }
            #expect(Array(pieces.joined()) == whole.pretty())
        }
        // The parts' files are unnamed: nothing is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
