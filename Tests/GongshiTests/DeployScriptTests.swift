import DemoSnapshot
import Foundation
import Testing

@Suite("Daily publication script")
struct DeployScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func runDaily(_ environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [Self.root.appendingPathComponent("deploy/gongshi-daily.sh").path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("builds, audits and publishes; every run syncs, so a failed upload is repaired the next day; a bad snapshot publishes nothing")
    func daily() throws {
        let fixture = try SiteFixture()
        let binary = Self.root.appendingPathComponent(".build/debug/gongshi").path
        try #require(FileManager.default.isExecutableFile(atPath: binary))
        try DemoSnapshot.write(to: fixture.snapshotPath("demo.sqlite"))
        let marker = fixture.folder.path("synced")
        let failing = fixture.folder.path("host-down")
        // The settings come from a defaults file that does not export them, as Debian's do.
        let defaults = fixture.folder.path("gongshi.default")
        try """
            GONGSHI=\(binary)
            GONGSHI_SNAPSHOT=\(fixture.snapshotPath("demo.sqlite"))
            GONGSHI_SITE=\(fixture.site)
            GONGSHI_OUT=\(fixture.out)
            GONGSHI_REPORTS=\(fixture.folder.path("reports"))
            GONGSHI_STATE=\(fixture.folder.path("state"))
            GONGSHI_SYNC="if [ -e '\(failing)' ]; then exit 1; fi; echo x >> '\(marker)'"

            """.write(toFile: defaults, atomically: true, encoding: .utf8)
        let environment = ["GONGSHI_DEFAULTS": defaults]
        #expect(try runDaily(environment) == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.out + "/index.html"))
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "x\n")
        // Nothing of the build's state beside the served folder.
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path("")).contains { $0.hasPrefix(".public") }))
        #expect(FileManager.default.fileExists(atPath: fixture.folder.path("state/public.manifest.json")))
        let published = try outputFiles(fixture.out)
        // The web host is unreachable: the run fails, and says so.
        try Data().write(to: URL(fileURLWithPath: failing))
        #expect(try runDaily(environment) != 0)
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "x\n")
        // The next day nothing changed locally, and the upload is made all the same.
        try FileManager.default.removeItem(atPath: failing)
        #expect(try runDaily(environment) == 0)
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "x\nx\n", "an unchanged site is synced again")
        try Data("broken".utf8).write(to: URL(fileURLWithPath: fixture.snapshotPath("demo.sqlite")))
        #expect(try runDaily(environment) != 0)
        #expect(try outputFiles(fixture.out) == published)
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "x\nx\n", "a refused build is not synced")
    }

    @Test("the unit files and cron line are what the README documents")
    func unitFiles() throws {
        let timer = try String(contentsOf: Self.root.appendingPathComponent("deploy/gongshi-daily.timer"), encoding: .utf8)
        #expect(timer.contains("OnCalendar=*-*-* 00:10:00 Asia/Shanghai"))
        let cron = try String(contentsOf: Self.root.appendingPathComponent("deploy/gongshi.cron"), encoding: .utf8)
        // Debian's cron ignores CRON_TZ: the line is in UTC, 16:10 being 00:10 China time.
        #expect(!cron.contains("\nCRON_TZ") && cron.contains("10 16 * * *") && !cron.contains("/var/log/gongshi"))
        let service = try String(contentsOf: Self.root.appendingPathComponent("deploy/gongshi-daily.service"), encoding: .utf8)
        #expect(service.contains("StateDirectory=gongshi"))
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("deploy/gongshi-daily.timer") && readme.contains("deploy/gongshi.cron"))
    }
}
