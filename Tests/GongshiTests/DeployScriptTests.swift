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

    @Test("builds, audits and publishes; every run publishes, so a failed upload is repaired the next day; a bad snapshot publishes nothing")
    func daily() throws {
        let fixture = try SiteFixture()
        let binary = Self.root.appendingPathComponent(".build/debug/gongshi").path
        try #require(FileManager.default.isExecutableFile(atPath: binary))
        try DemoSnapshot.write(to: fixture.snapshotPath("demo.sqlite"))
        // The web host is a local folder here (the SSH transport has its own month-long test);
        // it is down while `host-down` is a file, since then the folder cannot be made.
        let failing = fixture.folder.path("host-down")
        let host = failing + "/sxalhc"
        // The settings come from a defaults file that does not export them, as Debian's do.
        let defaults = fixture.folder.path("gongshi.default")
        try """
            GONGSHI=\(binary)
            GONGSHI_SNAPSHOT=\(fixture.snapshotPath("demo.sqlite"))
            GONGSHI_SITE=\(fixture.site)
            GONGSHI_OUT=\(fixture.out)
            GONGSHI_REPORTS=\(fixture.folder.path("reports"))
            GONGSHI_STATE=\(fixture.folder.path("state"))
            GONGSHI_TO=\(host)
            GONGSHI_PUBLISH_OPTIONS=--no-verify

            """.write(toFile: defaults, atomically: true, encoding: .utf8)
        let environment = ["GONGSHI_DEFAULTS": defaults]
        #expect(try runDaily(environment) == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.out + "/index.html"))
        #expect(try outputFiles(host) == outputFiles(fixture.out))
        // Nothing of the build's state beside the served folder.
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path("")).contains { $0.hasPrefix(".public") }))
        #expect(FileManager.default.fileExists(atPath: fixture.folder.path("state/public.manifest.json")))
        let published = try outputFiles(fixture.out)
        // The web host is unreachable: the run fails, and says so.
        try FileManager.default.removeItem(atPath: failing)
        try Data().write(to: URL(fileURLWithPath: failing))
        #expect(try runDaily(environment) != 0)
        // The next day nothing changed locally, and the upload is made all the same.
        try FileManager.default.removeItem(atPath: failing)
        #expect(try runDaily(environment) == 0)
        #expect(try outputFiles(host) == published, "an unchanged site is published again")
        // A refused build publishes nothing, and the host keeps the site.
        try "<p>改动</p>".write(toFile: host + "/index.html", atomically: true, encoding: .utf8)
        try Data("broken".utf8).write(to: URL(fileURLWithPath: fixture.snapshotPath("demo.sqlite")))
        #expect(try runDaily(environment) != 0)
        #expect(try outputFiles(fixture.out) == published)
        #expect(try String(contentsOfFile: host + "/index.html", encoding: .utf8) == "<p>改动</p>", "a refused build is not published")
    }

    @Test("systemd-analyze verify finds nothing to say of the units (with the script at the repository's path)")
    func unitsVerify() throws {
        let analyze = "/usr/bin/systemd-analyze"
        try #require(FileManager.default.isExecutableFile(atPath: analyze))
        let folder = TemporaryFolder()
        let service = try String(contentsOf: Self.root.appendingPathComponent("deploy/gongshi-daily.service"), encoding: .utf8)
        #expect(service.contains("ExecStart=/usr/local/lib/gongshi/gongshi-daily.sh"))
        try service.replacingOccurrences(of: "/usr/local/lib/gongshi/gongshi-daily.sh", with: Self.root.appendingPathComponent("deploy/gongshi-daily.sh").path)
            .write(toFile: folder.path("gongshi-daily.service"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("deploy/gongshi-daily.timer").path, toPath: folder.path("gongshi-daily.timer"))
        let result = try runProgram([analyze, "verify", folder.path("gongshi-daily.timer"), folder.path("gongshi-daily.service")])
        #expect(result.status == 0 && result.output.isEmpty, "\(result.output)")
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
