import CreditVocabulary
import DemoSnapshot
import Foundation
import PageCache
@testable import SearchIndex
import StableDigest
import Testing

/// An index file whose fingerprint is unchanged is kept from the last build instead of being
/// made: equal fingerprints must mean equal bytes.
@Suite("Search: file fingerprints")
struct SearchFileFingerprintTests {
    /// The index of `documents`, numbered after `numbering`: each file's fingerprint and
    /// bytes, by path, and the numbering for the next.
    static func indexed(
        _ documents: [SearchDocument], numbering: SearchNumbering = SearchNumbering(), inline: Int = 3_000, block: Int = 1_500
    ) -> (files: [String: (ContentFingerprint?, [UInt8])], numbering: SearchNumbering, moved: Int) {
        // Small shards, as a large index has many: one document's terms are in a few of them.
        var writer = SearchIndexWriter(targetShardBytes: 600, inlinePostings: inline, blockPostings: block)
        writer.add(contentsOf: documents)
        let layout = writer.layout(numbering: numbering)
        let files = Dictionary(uniqueKeysWithValues: layout.paths.map { ($0, (layout.fingerprint(of: $0), layout.bytes(of: $0))) })
        return (files, layout.numbering, layout.moved)
    }

    static func index(_ documents: [SearchDocument]) -> [String: (ContentFingerprint?, [UInt8])] {
        indexed(documents).files
    }

    /// One way a next build's documents can differ from the last's.
    enum Change: CaseIterable {
        case text, title, date, removed, added, none
    }

    static func changed(_ documents: [SearchDocument], _ change: Change, random: inout SeededGenerator) -> [SearchDocument] {
        var documents = documents
        let position = Int.random(in: 0..<documents.count, using: &random)
        switch change {
        case .text: documents[position].text += "已更正" + String(position)
        case .title: documents[position].title += "（更正）"
        case .date: documents[position].date = documents[position].date.adding(days: 1)
        case .removed: documents.remove(at: position)
        case .added:
            var added = SearchIndexTests.documents(count: 1, seed: 99)[0]
            added.path = "records/ADDED/"
            documents.insert(added, at: position)
        case .none: break
        }
        return documents
    }

    @Test("after any change, every file with an unchanged fingerprint has unchanged bytes (seed 2: lists in blocks)",
          arguments: Change.allCases, [1, 2])
    func equalFingerprintsMeanEqualBytes(change: Change, seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let documents = SearchIndexTests.documents(count: 700, seed: seed)
        let (inline, block) = seed == 2 ? (40, 16) : (3_000, 1_500)
        let first = Self.indexed(documents, inline: inline, block: block)
        let before = first.files
        if seed == 2 { #expect(before.keys.contains { $0.hasPrefix("x/") }) }
        let after = Self.indexed(Self.changed(documents, change, random: &random), numbering: first.numbering, inline: inline,
                                 block: block).files
        var kept = 0
        for (path, (fingerprint, bytes)) in after {
            guard let fingerprint else {
                #expect(path == "manifest.json")
                continue
            }
            guard let (old, oldBytes) = before[path], old == fingerprint else { continue }
            kept += 1
            let same = bytes == oldBytes
            #expect(same, "\(change) \(path)")
        }
        switch change {
        case .none:
            #expect(kept == after.count - 1)
        case .text, .title, .date, .removed, .added:
            // One document's terms and line: a few files change, most are kept (the other
            // documents keep their numbers).
            let lost = after.keys.filter { before[$0]?.0 != after[$0]!.0 }
            #expect(kept > after.count * 3 / 4, "\(change): \(kept) of \(after.count) kept; \(Dictionary(grouping: lost) { String($0.prefix(2)) }.mapValues(\.count))")
            #expect(kept < after.count - 1)
        }
    }

    @Test("one document added, removed or dated again rewrites its chunks and its terms' shards, nothing else",
          arguments: [Change.added, .removed, .date], [3, 4, 5])
    func oneDocumentRewritesItsFiles(change: Change, seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let documents = SearchIndexTests.documents(count: 500, seed: seed)
        let first = Self.indexed(documents)
        let next = Self.changed(documents, change, random: &random)
        let second = Self.indexed(next, numbering: first.numbering)
        #expect(second.moved == 0)
        // The documents whose number or presence changed, and the files they touch.
        let before = Dictionary(uniqueKeysWithValues: first.numbering.entries.map { ($0.path, $0) })
        let after = Dictionary(uniqueKeysWithValues: second.numbering.entries.map { ($0.path, $0) })
        let touched = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        #expect(touched.count == 1)
        var allowed: Set<String> = ["manifest.json"]
        for path in touched {
            for entry in [before[path], after[path]].compactMap({ $0 }) { allowed.insert("d/\(Int(entry.number) / 16).json") }
            let document = (documents + next).first { $0.path == path }!
            let prepared = SearchIndexWriter.PreparedDocument(document)
            for term in prepared.words.flatMap(SearchIndexWriter.withPrefixes) + prepared.han.map(HanTerm.string) {
                for power in 0...14 { allowed.insert(SearchShards.hanShard(term, shardCount: 1 << power)) }
            }
        }
        let rewritten = Set(second.files.keys.filter { second.files[$0]!.1 != first.files[$0]?.1 })
            .union(first.files.keys.filter { second.files[$0] == nil })
        #expect(!rewritten.isEmpty)
        #expect(rewritten.isSubset(of: allowed), "\(change): \(rewritten.subtracting(allowed).sorted())")
        #expect(rewritten.count < second.files.count / 4, "\(change): \(rewritten.count) of \(second.files.count)")
    }

    @Test("each changed file's fingerprint changes: a text edit changes its chunk and its terms' shards")
    func changedFilesChangeFingerprints() {
        let documents = SearchIndexTests.documents(count: 300, seed: 5)
        var edited = documents
        edited[42].text += "偷税漏税"
        let before = Self.index(documents), after = Self.index(edited)
        let changedBytes = after.keys.filter { after[$0]!.1 != before[$0]?.1 }
        #expect(!changedBytes.isEmpty)
        #expect(changedBytes.contains { $0.hasPrefix("d/") })
        #expect(changedBytes.contains { $0.hasPrefix("h/") })
        for path in changedBytes where path != "manifest.json" {
            #expect(after[path]!.0 != before[path]?.0, "\(path)")
        }
    }

    @Test("fingerprints are the same in every process: a fixed input gives fixed lanes")
    func stableAcrossProcesses() {
        var fingerprinter = ContentFingerprinter()
        fingerprinter.write("公示")
        fingerprinter.write(42)
        fingerprinter.write(bytes: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let value = fingerprinter.fingerprint
        #expect(value == ContentFingerprint(high: 0xE753_EAC6_B559_289D, low: 0x2D5B_99D7_92F9_CE1E), "\(String(value.high, radix: 16)) \(String(value.low, radix: 16))")
        // Lengths are written: one text is not two texts of the same bytes.
        var one = ContentFingerprinter(), two = ContentFingerprinter()
        one.write("ab")
        two.write("a")
        two.write("b")
        #expect(one.fingerprint != two.fingerprint)
    }

    @Test("the cache file reads back as written; another fingerprint, a changed byte or a cut end is not used")
    func cacheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("search-files.bin")
        let fingerprint = [UInt8](repeating: 7, count: 32)
        let cache = SearchFileCache(files: [
            "h/1.json": .init(fingerprint: ContentFingerprint(high: 1, low: 2), sha256: FileDigest(of: Data("a".utf8)), size: 1),
            "d/0.json": .init(fingerprint: ContentFingerprint(high: .max, low: 0), sha256: FileDigest(of: Data("bb".utf8)), size: 2),
        ])
        try cache.write(to: url, fingerprint: fingerprint)
        #expect(SearchFileCache.load(url, fingerprint: fingerprint)?.files == cache.files)
        #expect(SearchFileCache.load(url, fingerprint: [UInt8](repeating: 8, count: 32)) == nil)
        let bytes = try [UInt8](Data(contentsOf: url))
        for position in stride(from: 0, to: bytes.count, by: 5) {
            var damaged = bytes
            damaged[position] ^= 0x40
            try Data(damaged).write(to: url)
            #expect(SearchFileCache.load(url, fingerprint: fingerprint) == nil, "byte \(position)")
        }
        try Data(bytes.dropLast(3)).write(to: url)
        #expect(SearchFileCache.load(url, fingerprint: fingerprint) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["search-files.bin"])
    }
}
