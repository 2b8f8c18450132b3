import DemoSnapshot
import Foundation
@testable import SiteOutput
import StableDigest
import JSONText
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

    @Test("a file digest is the SHA-256 of the bytes, written and read as 64 hex digits")
    func fileDigest() {
        var generator = SeededGenerator(state: 11)
        for length in [0, 1, 55, 64, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let digest = FileDigest(of: bytes)
            #expect(digest.bytes == StableDigest.of(bytes: bytes))
            #expect(digest.hex == StableDigest.hex(StableDigest.of(bytes: bytes)))
            #expect(FileDigest(hex: digest.hex) == digest)
            #expect(FileDigest(hex: digest.hex.uppercased()) == digest)
            var appended: [UInt8] = [1]
            digest.appendHex(to: &appended)
            #expect(appended == [1] + Array(digest.hex.utf8))
            #expect(FileDigest(bytes: digest.bytes) == digest)
        }
        #expect(FileDigest(of: [1]) != FileDigest(of: [2]))
        for bad in ["", "a", String(repeating: "0", count: 63), String(repeating: "0", count: 66), String(repeating: "x", count: 64)] {
            #expect(FileDigest(hex: bad) == nil, "\(bad)")
        }
        #expect(FileDigest(bytes: [0, 1]) == nil)
    }

    @Test("the manifest's own layout is read back exactly; another JSON layout is read too")
    func manifestLayout() throws {
        let manifest = DeployManifest(files: [
            "a/index.html": .init(sha256: FileDigest(hex: String(repeating: "a", count: 64))!, size: 10),
            "search/h/1.json": .init(sha256: FileDigest(hex: String(repeating: "b", count: 64))!, size: 0),
            "记录/index.html": .init(sha256: FileDigest(hex: String(repeating: "c", count: 64))!, size: 123_456),
        ])
        let data = manifest.encoded()
        #expect(try DeployManifest.decode(data) == manifest)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try DeployManifest.decode(try encoder.encode(manifest)) == manifest)
        #expect(try DeployManifest.decode(DeployManifest().encoded()) == DeployManifest())
        // The layout the fast parser reads: paths in UTF-8 order, two-space indents.
        let aa = String(repeating: "a", count: 64), b9 = String(repeating: "b9", count: 32)
        let small = DeployManifest(files: ["b": .init(sha256: FileDigest(hex: b9)!, size: 2),
                                           "a/index.html": .init(sha256: FileDigest(hex: aa)!, size: 1)])
        #expect(String(decoding: small.encoded(), as: UTF8.self) == """
            {
              "files" : {
                "a/index.html" : {
                  "sha256" : "\(aa)",
                  "size" : 1
                },
                "b" : {
                  "sha256" : "\(b9)",
                  "size" : 2
                }
              }
            }

            """)
        #expect(String(decoding: DeployManifest().encoded(), as: UTF8.self) == "{\n  \"files\" : {}\n}\n")
        let quoted = DeployManifest(files: ["a\"b\\c": .init(sha256: FileDigest(of: Data()), size: 1)])
        #expect(try DeployManifest.decode(quoted.encoded()) == quoted)
        // A hash that is not 64 hex digits is refused, whichever parser reads it; upper case is
        // read as the same digest.
        for hash in ["aa", String(repeating: "g", count: 64), String(repeating: "a", count: 66)] {
            let text = "{\n  \"files\" : {\n    \"a\" : {\n      \"sha256\" : \"\(hash)\",\n      \"size\" : 1\n    }\n  }\n}\n"
            #expect(throws: (any Error).self) { try DeployManifest.decode(Data(text.utf8)) }
        }
        let upper = "{\"files\": {\"a/index.html\": {\"size\": 1, \"sha256\": \"\(aa.uppercased())\"}}}"
        #expect(try DeployManifest.decode(Data(upper.utf8)).files["a/index.html"] == small.files["a/index.html"])
        #expect(throws: (any Error).self) { try DeployManifest.decode(Data("{\"files\": 3}".utf8)) }
    }

    @Test("the manifest written byte by byte equals its JSONValue form, and every cut or changed byte is refused or read as written")
    func manifestBytesMatchJSONValue() throws {
        var generator = SeededGenerator(state: 7)
        let alphabet = Array("abc/.-_记录\"\\\n<&") .map(String.init)
        var files: [String: DeployManifest.Entry] = [:]
        for _ in 0..<300 {
            let path = (0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let hash = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            files[path] = .init(sha256: FileDigest(bytes: hash)!,
                                size: Int.random(in: 0...9_999_999, using: &generator))
        }
        for manifest in [DeployManifest(), DeployManifest(files: files)] {
            let value = JSONValue.object([("files", .object(manifest.files.map { path, entry in
                (path, .object([("sha256", .string(entry.sha256.hex)), ("size", .int(entry.size))]))
            }))])
            #expect(Array(manifest.encoded()) == value.pretty())
            #expect(try DeployManifest.decode(manifest.encoded()) == manifest)
        }
        // A manifest cut short or with a byte changed is either refused or read as the JSON it is.
        let bytes = Array(DeployManifest(files: Dictionary(uniqueKeysWithValues: files.prefix(5).map { ($0.key, $0.value) })).encoded())
        for cut in stride(from: 0, to: bytes.count - 1, by: 7) {
            let data = Data(bytes[..<cut])
            let general = try? JSONDecoder().decode(DeployManifest.self, from: data)
            #expect((try? DeployManifest.decode(data)) == general)
        }
        for position in stride(from: 0, to: bytes.count, by: 5) {
            var changed = bytes
            changed[position] = changed[position] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
            let general = try? JSONDecoder().decode(DeployManifest.self, from: Data(changed))
            #expect((try? DeployManifest.decode(Data(changed))) == general, "byte \(position)")
        }
    }
}

@Suite("Staged output paths")
struct StagedOutputPathTests {
    /// The first, component-wise check, kept as the reference.
    private func splitWise(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !components.isEmpty
            && !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
    }

    @Test("a path is inside the folder exactly when no component is empty, . or ..")
    func insideMatchesComponents() {
        let pieces = ["a", ".", "..", "...", "/", "记录", ".a", "a.", "", "index.html"]
        var paths = ["", "/", "a", "a/b", "/a", "a/", "a//b", "./a", "a/..", "../a", "a/.../b", ".hidden/x"]
        for first in pieces { for second in pieces { for third in pieces { paths.append(first + second + third) } } }
        for path in paths {
            #expect(StagedOutput.isInside(path) == splitWise(path), "\(path.debugDescription)")
        }
    }
}
