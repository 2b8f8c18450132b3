import BuildPipeline
import CreditVocabulary
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole tree through a directory descriptor opened once, as a web server serving
/// from the folder would see one consistent version of it.
func readTree(_ path: String) -> [String: Data]? {
    let root = open(path, O_RDONLY | O_DIRECTORY)
    guard root >= 0 else { return nil }
    defer { close(root) }
    var files: [String: Data] = [:]
    func walk(_ descriptor: Int32, _ prefix: String) -> Bool {
        guard let directory = fdopendir(dup(descriptor)) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) {
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
                guard child >= 0 else { return false }
                defer { close(child) }
                if !walk(child, prefix + name + "/") { return false }
            } else {
                let file = openat(descriptor, name, O_RDONLY)
                guard file >= 0 else { return false }
                var data = Data()
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = read(file, &buffer, buffer.count)
                    if count <= 0 { break }
                    data.append(contentsOf: buffer[0..<count])
                }
                close(file)
                files[prefix + name] = data
            }
        }
        return true
    }
    return walk(root, "") ? files : nil
}

@Suite("Atomic swap")
struct AtomicSwapTests {
    @Test("a reader never sees a missing, half-written or mixed file set, even when a build is killed")
    func readerLoop() throws {
        let fixture = try SiteFixture(toml: SiteFixture.defaultTOML.replacingOccurrences(of: "失信案例核查", with: "甲栏目"))
        let siteB = fixture.folder.path("siteB")
        try FileManager.default.copyItem(atPath: fixture.site, toPath: siteB)
        try SiteFixture.defaultTOML.replacingOccurrences(of: "失信案例核查", with: "乙栏目")
            .write(toFile: siteB + "/site.toml", atomically: true, encoding: .utf8)
        let file = try GeneratedSnapshot.write(fixture.snapshotPath(), seed: 3, records: 300)
        func build(_ site: String) throws -> Int32 {
            try runGongshi(["build", "--snapshot", file.path, "--site", site, "--out", fixture.out, "--as-of", "2026-06-01"]).status
        }
        #expect(try build(fixture.site) == 0)
        let expectedCount = try outputFiles(fixture.out).count

        let stop = ManagedAtomicFlag()
        let reader = Thread {
            var walks = 0
            var problems: [String] = []
            while !stop.isSet || walks == 0 {
                guard let files = readTree(fixture.out) else {
                    problems.append("the folder could not be read")
                    break
                }
                walks += 1
                let titles = Set(files.filter { $0.key.hasSuffix(".html") }.compactMap { path, data -> String? in
                    let text = String(decoding: data, as: UTF8.self)
                    guard text.hasSuffix("</html>") || text.hasSuffix("</html>\n") else { return "half-written \(path) \(data.count) \(text.suffix(12).debugDescription)" }
                    return text.contains("甲栏目") ? "甲" : (text.contains("乙栏目") ? "乙" : "other")
                })
                if titles.count != 1 || titles.contains(where: { $0.hasPrefix("half-written") }) || titles.contains("other") {
                    problems.append("walk \(walks): \(titles.sorted().prefix(3))")
                }
                if files.count != expectedCount { problems.append("walk \(walks): \(files.count) files, expected \(expectedCount)") }
            }
            stop.report(walks: walks, problems: problems)
        }
        reader.start()
        for site in [siteB, fixture.site, siteB, fixture.site] {
            #expect(try build(site) == 0)
        }
        // A build killed midway (of a larger snapshot, so that it is still running when
        // killed): the site stays as it was.
        let large = try GeneratedSnapshot.write(fixture.snapshotPath("large.sqlite"), seed: 4, records: 6000)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = root.appendingPathComponent(".build/debug/gongshi")
        process.arguments = ["build", "--snapshot", large.path, "--site", siteB, "--out", fixture.out, "--as-of", "2026-06-01"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(process.isRunning, "the build to kill had already finished")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.2)
        stop.set()
        let (walks, problems) = stop.waitForReport()
        #expect(walks > 3)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        let after = try outputText(fixture.out)
        #expect(after.count == expectedCount && after.allSatisfy { !$0.0.hasSuffix(".html") || $0.1.contains("甲栏目") })
        // The next build clears what the killed one left and publishes normally.
        #expect(try build(siteB) == 0)
        #expect(try outputText(fixture.out).contains { $0.1.contains("乙栏目") })
    }
}

/// A stop flag and a mailbox for the reader thread's result.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let condition = NSCondition()
    private var flag = false
    private var result: (Int, [String])?

    var isSet: Bool {
        condition.lock()
        defer { condition.unlock() }
        return flag
    }

    func set() {
        condition.lock()
        flag = true
        condition.unlock()
    }

    func report(walks: Int, problems: [String]) {
        condition.lock()
        result = (walks, problems)
        condition.broadcast()
        condition.unlock()
    }

    func waitForReport() -> (Int, [String]) {
        condition.lock()
        while result == nil { condition.wait() }
        defer { condition.unlock() }
        return result!
    }
}

@Suite("Publishing: the state folder")
struct StateFolderTests {
    @Test("with --state, nothing but the site is in the served folder; the previous site and the manifests live in the state folder")
    func stateOutsideServedFolder() async throws {
        let fixture = try SiteFixture()
        _ = try TestSnapshotFile.closingRecord(at: fixture.snapshotPath())
        // A web root that serves everything under it, the column inside it.
        let webRoot = fixture.folder.path("www")
        let out = webRoot + "/sxalhc"
        let state = fixture.folder.path("state")
        func build(_ day: String) async throws {
            try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: out,
                                               asOf: CivilDate(iso: day)!, state: state))
        }
        try await build("2026-02-20")
        try await build("2026-03-05")  // R-CLOSES is gone; yesterday's site is kept as the previous one
        #expect(try FileManager.default.contentsOfDirectory(atPath: webRoot) == ["sxalhc"])
        let served = try outputFiles(webRoot)
        #expect(!served.keys.contains { $0.contains("R-CLOSES") }, "the previous site is not served")
        #expect(served.keys.contains("sxalhc/records/R1/index.html"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: state)
        #expect(kept.contains("sxalhc.previous") && kept.contains("sxalhc.manifest.json") && kept.contains("sxalhc.lock"), "\(kept)")
        #expect(FileManager.default.fileExists(atPath: state + "/sxalhc.previous/records/R-CLOSES/index.html"))
        // A state folder inside the served folder is refused before anything is written.
        await #expect(throws: (any Error).self) {
            try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: out,
                                               asOf: CivilDate(iso: "2026-03-06")!, state: out + "/state"))
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/state"))
    }
}
