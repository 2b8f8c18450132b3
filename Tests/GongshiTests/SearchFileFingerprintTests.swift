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
    /// The index of `documents`: each file's fingerprint and bytes, by path.
    static func index(_ documents: [SearchDocument]) -> [String: (ContentFingerprint?, [UInt8])] {
        var writer = SearchIndexWriter(targetShardBytes: 4000)
        writer.add(contentsOf: documents)
        let layout = writer.layout()
        return Dictionary(uniqueKeysWithValues: layout.paths.map { ($0, (layout.fingerprint(of: $0), layout.bytes(of: $0))) })
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
        case .added: documents.insert(SearchIndexTests.documents(count: 1, seed: 99)[0], at: position)
        case .none: break
        }
        return documents
    }

    @Test("after any change, every file with an unchanged fingerprint has unchanged bytes",
          arguments: Change.allCases, [1, 2])
    func equalFingerprintsMeanEqualBytes(change: Change, seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let documents = SearchIndexTests.documents(count: 700, seed: seed)
        let before = Self.index(documents)
        let after = Self.index(Self.changed(documents, change, random: &random))
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
        case .text, .title:
            // One document's terms and line: a few files change, most are kept.
            #expect(kept > after.count * 3 / 4, "\(change): \(kept) of \(after.count) kept")
            #expect(kept < after.count - 1)
        case .date, .removed, .added:
            // The documents' numbers may move: nothing is assumed unchanged.
            break
        }
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
