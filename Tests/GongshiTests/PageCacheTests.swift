@testable import BuildPipeline
import CreditVocabulary
import Foundation
import PageCache
import SiteOutput
import SiteRender
import Testing

@Suite("Incremental builds: the page cache and the recycled previous site")
struct PageCacheTests {
    let asOf = CivilDate(iso: "2026-03-01")!

    func base(_ fixture: SiteFixture) throws -> TestSnapshotFile {
        try TestSnapshotFile.twoSubjects(at: fixture.snapshotPath(), records: 6)
    }

    func build(_ fixture: SiteFixture, _ file: TestSnapshotFile, out: String? = nil, on day: CivilDate? = nil,
               full: Bool = false) async throws -> BuildReport {
        try await SiteBuilder.build(BuildOptions(
            snapshot: file.path, site: fixture.site, out: out ?? fixture.out, asOf: day ?? asOf, full: full))
    }

    /// Every file and folder under `root` (folders end in `/`), with the bytes of files.
    func tree(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                result[path + "/"] = Data()
            } else {
                result[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
            }
        }
        return result
    }

    func inodes(_ root: String) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                result[path] = (enumerator?.fileAttributes?[.systemFileNumber] as? NSNumber)?.uint64Value
            }
        }
        return result
    }

    /// A fresh full build of the same inputs, for comparison.
    /// Expects the site to be the one a first build of `file` into an empty folder gives:
    /// the same bytes, the search index's numbered files aside, which must answer the same.
    func expectFresh(
        _ fixture: SiteFixture, _ file: TestSnapshotFile, on day: CivilDate? = nil, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let out = fixture.folder.path("fresh-\(UUID().uuidString)")
        _ = try await build(fixture, file, out: out, on: day, full: true)
        #expect(withoutNumberedSearchFiles(try tree(fixture.out)) == withoutNumberedSearchFiles(try tree(out)), comment,
                sourceLocation: sourceLocation)
        try expectSameSearch(fixture.out, out, sourceLocation: sourceLocation)
    }

    @Test("a second build makes only the pages whose inputs changed and keeps every other file's inode")
    func onlyChangedPagesAreMade() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        let first = try await build(fixture, file)
        #expect(first.output.pagesKept == 0)
        #expect(first.output.pagesMade > 10)
        let again = try await build(fixture, file)
        #expect(again.output.unchanged)
        // Home, search and content pages are made every time; everything else comes from the cache.
        let alwaysMade = again.output.pagesMade
        #expect(alwaysMade <= 4, "\(again.output)")
        #expect(again.output.pagesKept == first.output.pagesMade - alwaysMade)

        let before = try inodes(fixture.out)
        try file.execute("UPDATE records SET facts_md = '更正后的事实。' WHERE id = 'R3'")
        let changed = try await build(fixture, file)
        // The record's page only (its subject page lists no facts).
        #expect(changed.output.pagesMade == alwaysMade + 1, "\(changed.output)")
        #expect(changed.output.pagesKept == first.output.pagesMade - alwaysMade - 1)
        let after = try inodes(fixture.out)
        let listed = try JSONDecoder().decode(
            [String: [String]].self, from: Data(contentsOf: URL(fileURLWithPath: fixture.out + ".changes.json")))
        let rewritten = Set((listed["changed"] ?? []) + (listed["added"] ?? []))
        #expect(rewritten.contains("records/R3/index.html"))
        for (path, inode) in after where !rewritten.contains(path) {
            #expect(before[path] == inode, "\(path) was rewritten though its bytes did not change")
        }
        try await expectFresh(fixture, file)
    }

    @Test("incremental builds over changes, removals, closing windows and going back a day equal full builds")
    func sequenceEqualsFullBuilds() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        var steps: [(String?, CivilDate)] = [
            (nil, asOf),
            ("UPDATE records SET facts_md = '张三的事实已更正。' WHERE id = 'R1'", asOf),
            ("DELETE FROM records WHERE id = 'R4'", asOf),
            (nil, CivilDate(iso: "2026-04-01")!),  // R-ALONE's window closes
            ("UPDATE subjects SET name = '福州丙公司' WHERE id = 'S1'", CivilDate(iso: "2026-04-01")!),
            (nil, CivilDate(iso: "2026-03-15")!),  // back before the closing
        ]
        steps.append(("UPDATE records SET facts_md = '事实0。' WHERE id = 'R1'", asOf))
        for (change, day) in steps {
            if let change { try file.execute(change) }
            _ = try await build(fixture, file, on: day)
            try await expectFresh(fixture, file, on: day, "after \(change ?? "no change") on \(day)")
            let manifest = try #require(DeployManifest.load(URL(fileURLWithPath: fixture.out + ".manifest.json")))
            #expect(Set(manifest.files.keys) == Set(try tree(fixture.out).keys.filter { !$0.hasSuffix("/") }))
        }
    }

    @Test("a template change makes every page again")
    func templateChangeInvalidates() async throws {
        let plain = try SiteFixture()
        let file = try base(plain)
        let first = try await build(plain, file)
        // Same snapshot, site with an edited record template: nothing may come from the cache.
        let edited = try SiteFixture(layouts: ["record": (TemplateSet.builtIn("record") ?? "") + "<!-- edited -->"])
        try FileManager.default.copyItem(atPath: plain.out, toPath: edited.out)
        try FileManager.default.copyItem(atPath: plain.out + ".manifest.json", toPath: edited.out + ".manifest.json")
        try FileManager.default.copyItem(
            at: BuildOptions(snapshot: file.path, out: plain.out).cacheFolder,
            to: BuildOptions(snapshot: file.path, out: edited.out).cacheFolder)
        let report = try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: edited.site, out: edited.out, asOf: asOf))
        #expect(report.output.pagesKept == 0)
        #expect(report.output.pagesMade == first.output.pagesMade)
        let page = try String(contentsOfFile: edited.out + "/records/R0/index.html", encoding: .utf8)
        #expect(page.contains("<!-- edited -->"))
    }

    @Test("a damaged, missing or foreign cache is not used, and the output is the same")
    func damagedCacheIsIgnored() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        let first = try await build(fixture, file)
        let cache = BuildOptions(snapshot: file.path, out: fixture.out).cacheFolder.appendingPathComponent("pages.bin").path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cache))
        bytes[bytes.count / 2] ^= 0xff
        try bytes.write(to: URL(fileURLWithPath: cache))
        try file.execute("UPDATE records SET facts_md = '新的事实。' WHERE id = 'R2'")
        let damaged = try await build(fixture, file)
        #expect(damaged.output.pagesKept == 0)
        #expect(damaged.output.pagesMade == first.output.pagesMade)
        try await expectFresh(fixture, file)

        // A cache made for another published site (the manifest changed by hand) is not used.
        let manifestURL = URL(fileURLWithPath: fixture.out + ".manifest.json")
        try (try Data(contentsOf: manifestURL) + Data(" ".utf8)).write(to: manifestURL)
        try file.execute("UPDATE records SET facts_md = '再次更正。' WHERE id = 'R2'")
        let foreign = try await build(fixture, file)
        #expect(foreign.output.pagesKept == 0)
        try await expectFresh(fixture, file)

        try FileManager.default.removeItem(atPath: cache)
        let missing = try await build(fixture, file, on: CivilDate(iso: "2026-04-01")!)
        #expect(missing.output.pagesKept == 0)
        try await expectFresh(fixture, file, on: CivilDate(iso: "2026-04-01")!)
    }

    @Test("--full makes every page and does not recycle the previous site")
    func fullBuild() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        let first = try await build(fixture, file)
        try file.execute("UPDATE records SET facts_md = '新的事实。' WHERE id = 'R2'")
        let full = try await build(fixture, file, full: true)
        #expect(full.output.pagesKept == 0)
        #expect(full.output.pagesMade == first.output.pagesMade)
        #expect(full.output.changed >= 1)
        // The next build can use the cache the full build wrote.
        try file.execute("UPDATE records SET facts_md = '再次更正。' WHERE id = 'R2'")
        let next = try await build(fixture, file)
        #expect(next.output.pagesKept == first.output.pagesMade - next.output.pagesMade)
        #expect(next.output.pagesMade <= 5)
        try await expectFresh(fixture, file)
    }

    @Test("a build that fails while patching the recycled site leaves the published site and its manifest as they were")
    func failureWhileRecycling() async throws {
        let fixture = try SiteFixture()
        let file = try base(fixture)
        _ = try await build(fixture, file)
        try file.execute("UPDATE records SET facts_md = '新的事实一。' WHERE id = 'R2'")
        _ = try await build(fixture, file)  // now there is a previous site to recycle
        let published = try tree(fixture.out)
        let manifest = try Data(contentsOf: URL(fileURLWithPath: fixture.out + ".manifest.json"))
        try file.execute("UPDATE records SET facts_md = '新的事实二。' WHERE id = 'R2'")
        var options = BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out, asOf: asOf)
        options.failAfterWrittenPages = 8
        await #expect(throws: (any Error).self) { try await SiteBuilder.build(options) }
        #expect(try tree(fixture.out) == published)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.out + ".manifest.json")) == manifest)
        // The recycled folder was used up; the next build starts a new one and is still right.
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.path(".public.gongshi-previous")))
        _ = try await build(fixture, file)
        try await expectFresh(fixture, file)
    }
}
