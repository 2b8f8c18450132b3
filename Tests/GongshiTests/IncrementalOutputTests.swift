import BuildPipeline
import CreditVocabulary
import Foundation
import PageCache
import SiteOutput
import Testing

@Suite("Incremental publishing and the deploy manifest")
struct IncrementalOutputTests {
    let asOf = CivilDate(iso: "2026-03-01")!

    func changes(_ fixture: SiteFixture) throws -> [String: [String]] {
        try JSONDecoder().decode([String: [String]].self, from: Data(contentsOf: URL(fileURLWithPath: fixture.out + ".changes.json")))
    }

    func base(_ fixture: SiteFixture) throws -> TestSnapshotFile {
        try TestSnapshotFile.twoSubjects(at: fixture.snapshotPath(), records: 5)
    }

    @Test("the daily build with --audit on the day a window closes: the recycled previous site still has the page, and the build publishes without it")
    func auditOnClosingDay() async throws {
        let fixture = try SiteFixture()
        _ = try TestSnapshotFile.closingRecord(at: fixture.snapshotPath())
        func build(_ day: String) async throws {
            try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out,
                                               asOf: CivilDate(iso: day)!, auditBeforePublishing: true))
        }
        try await build("2026-02-26")
        try await build("2026-02-27")
        // The previous site (02-26) holds records/R-CLOSES/, which must be gone from 03-02.
        #expect(FileManager.default.fileExists(atPath: fixture.folder.path(".public.gongshi-previous/records/R-CLOSES/index.html")))
        try await build("2026-03-02")
        #expect(!FileManager.default.fileExists(atPath: fixture.out + "/records/R-CLOSES/index.html"))
        #expect(FileManager.default.fileExists(atPath: fixture.out + "/records/R1/index.html"))
    }

    @Test("one record changes: its page and the search files holding its text, nothing else")
    func oneRecord() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        try file.execute("UPDATE records SET facts_md = '更正后的事实：偷税漏税。' WHERE id = 'R2'")
        let report = try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        let listed = try changes(fixture)
        // Search shards may appear or go with the words of the text; nothing else may.
        #expect(listed["added"]?.allSatisfy { $0.hasPrefix("search/") } == true)
        #expect(listed["removed"]?.allSatisfy { $0.hasPrefix("search/") } == true)
        #expect(listed["changed"]?.contains("records/R2/index.html") == true)
        #expect(listed["changed"]?.allSatisfy { $0 == "records/R2/index.html" || $0.hasPrefix("search/") } == true, "\(listed)")
        #expect(report.output.changed == listed["changed"]?.count)
    }

    @Test("a removal and a window closing: their pages and the pages listing them go")
    func removalAndClosing() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        try file.execute("DELETE FROM records WHERE id = 'R4'")
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        var listed = try changes(fixture)
        #expect(listed["removed"]?.filter { !$0.hasPrefix("search/") } == ["records/R4/index.html"])
        #expect(Set(listed["changed"] ?? []).isSuperset(of: ["sitemap.xml", "feed.xml"]))
        #expect(listed["changed"]?.contains { $0.hasPrefix("subjects/") } == true)
        // R-ALONE's window closes on 1 April: its page and its subject's page go.
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: CivilDate(iso: "2026-04-01")!))
        listed = try changes(fixture)
        #expect(listed["removed"]?.contains("records/R-ALONE/index.html") == true)
        #expect(listed["removed"]?.filter { $0.hasPrefix("subjects/") }.count == 1)
    }

    @Test("the manifest lists every file with its SHA-256 and size; incremental and full builds give the same bytes")
    func manifestAndIdentity() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        try file.execute("UPDATE records SET facts_md = '新的事实。' WHERE id = 'R1'")
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        let files = try outputFiles(fixture.out)
        let manifest = try #require(DeployManifest.load(URL(fileURLWithPath: fixture.out + ".manifest.json")))
        #expect(manifest.files.keys.sorted() == files.keys.sorted())
        for (path, data) in files {
            #expect(manifest.files[path] == DeployManifest.Entry(sha256: DeployManifest.sha256(data), size: data.count), "\(path)")
        }
        let fresh = fixture.folder.path("fresh")
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fresh, asOf: asOf))
        #expect(try outputFiles(fresh) == files)
    }

    @Test("a published file edited by hand is replaced, not trusted from the manifest")
    func handEdited() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        try "tampered".write(toFile: fixture.out + "/records/R0/index.html", atomically: false, encoding: .utf8)
        try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf))
        let page = try String(contentsOfFile: fixture.out + "/records/R0/index.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
    }

    @Test("search files: the cache names each with its SHA-256 and size; one edited by hand is made again")
    func searchFiles() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        let options = BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf)
        try await SiteBuilder.build(options)
        let manifest = try #require(DeployManifest.load(URL(fileURLWithPath: fixture.out + ".manifest.json")))
        let cached = try #require(SearchFileCache.load(
            options.cacheFolder.appendingPathComponent("search-files.bin"), fingerprint: try fingerprint(options)))
        let indexFiles = manifest.files.filter {
            $0.key.hasPrefix("search/") && !["search/manifest.json", "search/search.js", "search/index.html"].contains($0.key)
        }
        #expect(Set(cached.files.keys.map { "search/" + $0 }) == Set(indexFiles.keys))
        for (path, entry) in cached.files {
            #expect(manifest.files["search/" + path] == DeployManifest.Entry(sha256: entry.sha256, size: entry.size))
        }
        let chunk = try #require(indexFiles.keys.first { $0.hasPrefix("search/d/") })
        let original = try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/" + chunk))
        try "tampered".write(toFile: fixture.out + "/" + chunk, atomically: false, encoding: .utf8)
        try await SiteBuilder.build(options)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/" + chunk)) == original)
    }

    /// The build fingerprint the search file cache of `options` was written for (after its
    /// magic and format version).
    func fingerprint(_ options: BuildOptions) throws -> [UInt8] {
        let bytes = try [UInt8](Data(contentsOf: options.cacheFolder.appendingPathComponent("search-files.bin")))
        let start = "GONGSHI-SEARCH-FILES\n".utf8.count + 1
        return Array(bytes[start..<start + 32])
    }
}
