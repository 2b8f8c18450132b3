@testable import BuildPipeline
@testable import SearchIndex
import CreditVocabulary
import DemoSnapshot
import PageCache
import Foundation
import Testing

/// The search documents' numbers: stable while shown, ordered by date, compact enough.
@Suite("Search: document numbering")
struct SearchNumberingTests {
    /// Checks what every numbering must be: one number per document, distinct, and ordered
    /// by date (an earlier date, a lower number).
    static func checkOrdered(_ documents: [(path: String, day: Int32)], _ assignment: SearchNumbering.Assignment) {
        #expect(assignment.numbers.count == documents.count)
        #expect(Set(assignment.numbers).count == documents.count, "numbers are distinct")
        #expect(assignment.numbers.allSatisfy { $0 >= 0 })
        let byNumber = zip(assignment.numbers, documents).sorted { $0.0 < $1.0 }
        for (lower, higher) in zip(byNumber, byNumber.dropFirst()) {
            #expect(lower.1.day <= higher.1.day, "\(lower) is numbered below \(higher)")
        }
        #expect(assignment.next.entries.map(\.number) == assignment.numbers.sorted())
    }

    @Test("a first numbering is by date then link, two apart")
    func first() {
        let documents: [(path: String, day: Int32)] = [("b", 5), ("a", 5), ("c", 1), ("d", 9)]
        let assignment = SearchNumbering().assign(documents)
        #expect(assignment.numbers == [5, 3, 1, 7])
        #expect(assignment.kept == 0 && assignment.moved == 0 && !assignment.compacted)
        // A link given twice keeps its number once and is numbered anew the second time.
        let twice: [(path: String, day: Int32)] = [("a", 1), ("a", 1), ("b", 2)]
        let again = SearchNumbering().assign(twice).next.assign(twice)
        Self.checkOrdered(twice, again)
        #expect(again.kept >= 2)
    }

    @Test("a document keeps its number while shown with its date; new ones fit between their neighbours")
    func keeps() {
        let documents: [(path: String, day: Int32)] = (0..<10).map { ("p\($0)", Int32($0 * 10)) }
        let first = SearchNumbering().assign(documents)
        var next = documents
        next.remove(at: 4)  // a hole
        next.append(("new-middle", 55))  // between p5 and p6
        next.append(("new-top", 200))
        next[0].day = 95  // dated again: between p9 and new-top
        let second = first.next.assign(next)
        Self.checkOrdered(next, second)
        let before = Dictionary(uniqueKeysWithValues: first.next.entries.map { ($0.path, $0.number) })
        for (document, number) in zip(next, second.numbers) where document.path.hasPrefix("p") && document.path != "p0" {
            #expect(before[document.path] == number, "\(document.path) kept its number")
        }
        #expect(second.kept == 8 && second.moved == 0)
    }

    @Test("many builds of random changes: always ordered, most numbers kept, the span bounded",
          arguments: [1, 2, 3] as [UInt64])
    func randomBuilds(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        var documents: [(path: String, day: Int32)] = (0..<400).map { ("d\($0)", Int32.random(in: 0...1000, using: &random)) }
        var numbering = SearchNumbering()
        var serial = 400
        var changed = 0
        var moved = 0
        for build in 0..<60 {
            let assignment = numbering.assign(documents)
            Self.checkOrdered(documents, assignment)
            let highest = Int(assignment.numbers.max() ?? 0)
            #expect(highest <= 4 * documents.count + 64 + 2 * 40, "build \(build): span \(highest) for \(documents.count)")
            if !assignment.compacted { moved += assignment.moved }
            numbering = assignment.next
            // Next day: some documents go, some come (mostly recent, some back-dated), some are dated again.
            for _ in 0..<Int.random(in: 0...10, using: &random) where !documents.isEmpty {
                documents.remove(at: Int.random(in: 0..<documents.count, using: &random))
            }
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                let recent = Int.random(in: 0..<4, using: &random) > 0
                let day = recent ? Int32(1000 + build * 5 + Int.random(in: 0...5, using: &random)) : Int32.random(in: 0...1000, using: &random)
                documents.append(("d\(serial)", day))
                serial += 1
                changed += 1
            }
            if !documents.isEmpty {
                documents[Int.random(in: 0..<documents.count, using: &random)].day += 1
                changed += 1
            }
        }
        // Spreading windows out moves few documents for each one added or dated again.
        #expect(moved <= 4 * changed, "moved \(moved) for \(changed) changes")
    }

    @Test("a crowded run spreads a window out and stays ordered")
    func crowded() {
        var documents: [(path: String, day: Int32)] = (0..<50).map { ("p\($0)", Int32($0)) }
        var numbering = SearchNumbering().assign(documents).next
        // Twenty documents on day 10 arrive one build after another: the gap fills, then spreads.
        for index in 0..<20 {
            documents.append(("crowd\(index)", 10))
            let assignment = numbering.assign(documents)
            Self.checkOrdered(documents, assignment)
            numbering = assignment.next
        }
    }

    @Test("the shard count is kept while shards stay within a factor of their aim, and grows to a cap")
    func shardCount() {
        #expect(SearchIndexWriter.shardCount(estimated: 100_000, target: 8_000, previous: 0) == 16)
        #expect(SearchIndexWriter.shardCount(estimated: 130_000, target: 8_000, previous: 16) == 16, "8 KB a shard: kept")
        #expect(SearchIndexWriter.shardCount(estimated: 250_000, target: 8_000, previous: 16) == 16, "15.6 KB: kept")
        #expect(SearchIndexWriter.shardCount(estimated: 300_000, target: 8_000, previous: 16) == 64, "18.8 KB: made again")
        #expect(SearchIndexWriter.shardCount(estimated: 20_000, target: 8_000, previous: 16) == 4, "1.25 KB: made again")
        #expect(SearchIndexWriter.shardCount(estimated: 10_000_000_000, target: 8_000, previous: 0) == SearchIndexWriter.maximumShards)
        #expect(SearchIndexWriter.shardCount(estimated: 10_000_000_000, target: 8_000, previous: SearchIndexWriter.maximumShards)
                == SearchIndexWriter.maximumShards)
        #expect(SearchIndexWriter.shardCount(estimated: 1_000, target: 8_000, previous: 1) == 1)
        #expect(SearchIndexWriter.shardCount(estimated: 100_000, target: 8_000, previous: 24) == 16, "not a power of two: made again")
    }

    @Test("a damaged numbering (dates out of order) is repaired, not trusted")
    func outOfOrder() {
        let numbering = SearchNumbering(entries: [
            .init(path: "a", day: 10, number: 1), .init(path: "b", day: 5, number: 3), .init(path: "c", day: 20, number: 5),
        ])
        let documents: [(path: String, day: Int32)] = [("a", 10), ("b", 5), ("c", 20)]
        Self.checkOrdered(documents, numbering.assign(documents))
    }

    @Test("the numbers file reads back as written; a changed byte or a cut end is not used")
    func file() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("numbers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("search-numbers.bin")
        var numbering = SearchNumbering().assign([("records/R1/", 739_000), ("subjects/甲/", 739_010), ("subjects/甲/#L1", 1)]).next
        numbering.shardCount = 64
        numbering.blockShifts = ["公司\u{0}0": 7, "#k:record\u{0}0": 3]
        try SearchNumberFile.write(numbering, to: url)
        #expect(SearchNumberFile.load(url) == numbering)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: url)
        #expect(SearchNumberFile.load(url) == nil)
        try SearchNumberFile.write(numbering, to: url)
        try Data(contentsOf: url).dropLast(3).write(to: url)
        #expect(SearchNumberFile.load(url) == nil)
    }

    @Test("a build keeps the numbers of the last, and a USCC whose first fifteen digits read as an ID number is published")
    func build() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile.twoSubjects(at: fixture.snapshotPath(), records: 6)
        // 913501020324287: region 913501, born 2002-03-24 — an old-style ID number's shape.
        try file.execute("UPDATE subjects SET uscc = '913501020324287AE2' WHERE id = 'S1'")
        let asOf = CivilDate(iso: "2026-03-01")!
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        let numbers = URL(fileURLWithPath: fixture.folder.path(".public.gongshi-cache/search-numbers.bin"))
        let first = try #require(SearchNumberFile.load(numbers))
        #expect(first.entries.count > 6 && first.shardCount > 0)
        try file.execute("DELETE FROM records WHERE id = 'R4'")
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        let second = try #require(SearchNumberFile.load(numbers))
        let before = Dictionary(uniqueKeysWithValues: first.entries.map { ($0.path, $0.number) })
        #expect(second.entries.count < first.entries.count)
        #expect(second.entries.allSatisfy { before[$0.path] == nil || before[$0.path] == $0.number }, "every document kept its number")
        let engine = SearchEngine { try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/search/" + $0)) }
        #expect(try engine.search("9135010203").hits.first?.kind == "subject", "a prefix of the USCC finds its subject first")
    }
}
