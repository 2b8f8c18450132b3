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

    @Test("builds, audits and publishes; a second run changes nothing and does not sync; a bad snapshot publishes nothing")
    func daily() throws {
        let fixture = try SiteFixture()
        let binary = Self.root.appendingPathComponent(".build/debug/gongshi").path
        try #require(FileManager.default.isExecutableFile(atPath: binary))
        try DemoSnapshot.write(to: fixture.snapshotPath("demo.sqlite"))
        let marker = fixture.folder.path("synced")
        let environment = [
            "GONGSHI": binary, "GONGSHI_SNAPSHOT": fixture.snapshotPath("demo.sqlite"), "GONGSHI_SITE": fixture.site,
            "GONGSHI_OUT": fixture.out, "GONGSHI_REPORTS": fixture.folder.path("reports"),
            "GONGSHI_SYNC": "echo x >> '\(marker)'",
        ]
        #expect(try runDaily(environment) == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.out + "/index.html"))
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "x\n")
        let published = try outputFiles(fixture.out)
        #expect(try runDaily(environment) == 0)
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "x\n", "an unchanged site must not be synced")
        try Data("broken".utf8).write(to: URL(fileURLWithPath: fixture.snapshotPath("demo.sqlite")))
        #expect(try runDaily(environment) != 0)
        #expect(try outputFiles(fixture.out) == published)
    }

    @Test("the unit files and cron line are what the README documents")
    func unitFiles() throws {
        let timer = try String(contentsOf: Self.root.appendingPathComponent("deploy/gongshi-daily.timer"), encoding: .utf8)
        #expect(timer.contains("OnCalendar=*-*-* 00:10:00 Asia/Shanghai"))
        let cron = try String(contentsOf: Self.root.appendingPathComponent("deploy/gongshi.cron"), encoding: .utf8)
        #expect(cron.contains("CRON_TZ=Asia/Shanghai") && cron.contains("10 0 * * *"))
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("deploy/gongshi-daily.timer") && readme.contains("deploy/gongshi.cron"))
    }
}
