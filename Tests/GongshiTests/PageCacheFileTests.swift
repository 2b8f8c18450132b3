import CreditVocabulary
import Foundation
import PageCache
import Redaction
import SearchIndex
import SiteRender
import SnapshotModel
import StableDigest
import Testing

@Suite("The page cache file: written as pages come, read by index")
struct PageCacheFileTests {
    let fingerprint = StableDigest.of(bytes: Array("fingerprint".utf8))
    let manifestID = StableDigest.of(bytes: Array("manifest".utf8))

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("page-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func page(_ number: Int, digestOf seed: String? = nil) -> CachedPage {
        let document = SearchDocument(
            kind: .record, path: "records/R\(number)/", title: "行政处罚决定书 第\(number)号 abc\(number)",
            date: CivilDate(iso: "2026-03-01")!.adding(days: number), regions: ["湖北", "重庆"], list: number % 2 == 0 ? .black : nil,
            texts: [SiteText(operatorAuthored: "某某公司未按规定公示年度报告𠀀，罚款 \(number) 元。Case \(number)")])
        return CachedPage(
            digest: StableDigest.of(bytes: Array((seed ?? "page \(number)").utf8)), path: "records/R\(number)/index.html",
            sha256: FileDigest(of: Data("page \(number)".utf8)), size: 1000 + number,
            feedItem: number % 3 == 0 ? nil : FeedItem(title: "标题\(number)", path: "records/R\(number)/", date: CivilDate(iso: "2026-01-01")!),
            searchDocuments: [SearchIndexWriter.PreparedDocument(document)],
            events: (0..<number % 4).map {
                RedactionEvent(row: RowRef(.records, "R\(number)"), field: "facts_md", rule: .idNumber, offset: $0 * 10, length: 18)
            })
    }

    func write(_ pages: [CachedPage], to url: URL) throws {
        let writer = try PageCacheWriter(url: url, fingerprint: fingerprint)
        for page in pages { try writer.append(page) }
        try writer.finish(manifestID: manifestID)
    }

    func load(_ url: URL, fingerprint: [UInt8]? = nil, manifestID: [UInt8]? = nil) -> (PageCache?, String) {
        var why = ""
        let cache = PageCache.load(url, fingerprint: fingerprint ?? self.fingerprint, manifestID: manifestID ?? self.manifestID, why: &why)
        return (cache, why)
    }

    @Test("every page written reads back equal by its digest, search terms included; unknown digests find nothing")
    func roundTrip() throws {
        let url = try folder().appendingPathComponent("pages.bin")
        // Enough pages to cross the writer's 1 MiB flushes.
        let pages = (0..<3000).map { page($0) }
        try write(pages, to: url)
        let (cache, why) = load(url)
        let loaded = try #require(cache, "\(why)")
        #expect(loaded.count == pages.count)
        for page in pages { #expect(loaded[page.digest] == page) }
        #expect(loaded[StableDigest.of(bytes: [1, 2, 3])] == nil)
        #expect(loaded[[1, 2, 3]] == nil)
        // What the cache kept tokenised is what tokenising the document gives.
        let document = try #require(loaded[pages[7].digest]?.searchDocuments.first)
        #expect(document.han.contains(HanTerm.key("罚", "款")))
        #expect(document.words.contains("#k:record"))
    }

    @Test("of pages with one digest, the first written is found")
    func firstOfEqualDigestsWins() throws {
        let url = try folder().appendingPathComponent("pages.bin")
        let first = page(1, digestOf: "same")
        let second = page(2, digestOf: "same")
        try write([page(0), first, second, page(3)], to: url)
        let loaded = try #require(load(url).0)
        #expect(loaded[first.digest] == first)
    }

    @Test("a cache for another fingerprint or published site, truncated, or with any byte changed is not used")
    func rejected() throws {
        let url = try folder().appendingPathComponent("pages.bin")
        try write((0..<20).map { page($0) }, to: url)
        #expect(load(url, fingerprint: StableDigest.of(bytes: [9])).0 == nil)
        #expect(load(url, manifestID: StableDigest.of(bytes: [9])).1 == "made for another published site")
        let good = try Data(contentsOf: url)
        for position in stride(from: 0, to: good.count, by: max(1, good.count / 97)) + [good.count - 1] {
            var bad = good
            bad[position] ^= 0x01
            try bad.write(to: url)
            #expect(load(url).0 == nil, "byte \(position) changed")
        }
        for length in [0, 10, good.count / 2, good.count - 1] {
            try good.prefix(length).write(to: url)
            #expect(load(url).0 == nil, "cut to \(length) bytes")
        }
        try good.write(to: url)
        #expect(load(url).0 != nil)
    }

    @Test("an abandoned cache leaves the previous file as it was and no temporary file")
    func abandoned() throws {
        let folder = try folder()
        let url = folder.appendingPathComponent("pages.bin")
        try write([page(1)], to: url)
        let before = try Data(contentsOf: url)
        let writer = try PageCacheWriter(url: url, fingerprint: fingerprint)
        for number in 0..<2000 { try writer.append(page(number)) }
        writer.abandon()
        #expect(try Data(contentsOf: url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pages.bin"])
    }

    @Test("keeping only the newest feed entries between batches never changes the feed")
    func feedTrimming() {
        var random = SystemRandomNumberGenerator()
        let items = (0..<500).map { number in
            FeedItem(title: "\(number)", path: "records/R\(number)/",
                     date: CivilDate(iso: "2026-01-01")!.adding(days: Int.random(in: 0..<30, using: &random)))
        }
        for limit in [0, 1, 5, 20] {
            var kept: [FeedItem] = []
            for batch in stride(from: 0, to: items.count, by: 37) {
                kept = SiteFeeds.newest(kept + items[batch..<min(batch + 37, items.count)], limit: limit)
            }
            #expect(kept == SiteFeeds.newest(items, limit: limit))
        }
    }
}
