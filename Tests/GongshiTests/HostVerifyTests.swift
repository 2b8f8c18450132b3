import BuildPipeline
import CreditVocabulary
import Foundation
import SiteOutput
import Testing

/// A web host on loopback: Debian's nginx serving a folder, started and stopped by the test.
final class LoopbackHost: @unchecked Sendable {
    let folder = TemporaryFolder()
    let port: Int
    private let process = Process()

    var root: String { folder.path("root") }
    var baseURL: String { "http://127.0.0.1:\(port)/sxalhc/" }
    var column: String { root + "/sxalhc" }

    init() throws {
        port = try Self.freePort()
        try FileManager.default.createDirectory(atPath: root + "/sxalhc", withIntermediateDirectories: true)
        let conf = folder.path("nginx.conf")
        try """
            worker_processes 1;
            pid \(folder.path("nginx.pid"));
            error_log \(folder.path("error.log"));
            events { worker_connections 64; }
            http {
              access_log off;
              server { listen 127.0.0.1:\(port); root \(root); }
            }
            """.write(toFile: conf, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        process.arguments = ["-e", folder.path("error.log"), "-p", folder.path(""), "-c", conf, "-g", "daemon off;"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready when it answers.
        for _ in 0..<100 {
            if (try? Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/")!)) != nil || Self.answers(port) { return }
            usleep(50_000)
        }
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    static func answers(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: in_port_t(UInt16(port).bigEndian),
                                  sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0,
                                  sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.featureUnsupported) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

@Suite("Publishing: what the web host serves", .serialized)
struct HostVerifyTests {
    static let binary = DeployScriptTests.root.appendingPathComponent(".build/debug/gongshi").path

    @Test("verify passes on a synced host, names a removed page still served and a file edited on the host, and passes again after a sync")
    func verifyAgainstNginx() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx") && FileManager.default.isExecutableFile(atPath: "/usr/bin/rsync"))
        let host = try LoopbackHost()
        let fixture = try SiteFixture()
        _ = try TestSnapshotFile.closingRecord(at: fixture.snapshotPath())
        let state = fixture.folder.path("state")
        func build(_ day: String) async throws {
            try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out,
                                               asOf: CivilDate(iso: day)!, state: state))
        }
        func sync() async throws {
            // --checksum: the builds of this test fall in one second, where rsync's size and
            // time check would skip a changed file of the same size (verify found just that).
            #expect(try runProgram(["/usr/bin/rsync", "-a", "--checksum", "--delete", fixture.out + "/", host.column + "/"]).status == 0)
        }
        let verify = [Self.binary, "verify", "--out", fixture.out, "--state", state, "--base-url", host.baseURL, "--sample", "1000"]

        try await build("2026-02-20")
        try await sync()
        let first = try runProgram(verify)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("removed addresses gone"))

        // The window of R-CLOSES closes; the upload fails that day.
        try await build("2026-03-05")
        let stale = try runProgram(verify)
        #expect(stale.status == 1)
        #expect(stale.output.contains("records/R-CLOSES/index.html: answers 200") && stale.output.contains("records/R-CLOSES/: answers 200"),
                "\(stale.output)")
        // The next day nothing changes locally; the ledger still names the page.
        try await build("2026-03-06")
        #expect(try runProgram(verify).status == 1)
        try await sync()
        let repaired = try runProgram(verify)
        #expect(repaired.status == 0, "\(repaired.output)")

        // A file edited by hand on the host.
        try "<p>旧的内容</p>".write(toFile: host.column + "/index.html", atomically: true, encoding: .utf8)
        let edited = try runProgram(verify)
        #expect(edited.status == 1)
        #expect(edited.output.contains("index.html: the host's bytes differ"), "\(edited.output)")
    }
}

@Suite("Publishing: the removal ledger and the checks")
struct RemovalLedgerTests {
    @Test("a removed path is kept 60 days, forgotten when published again; its page is checked as a file and a folder")
    func ledger() throws {
        var ledger = RemovalLedger()
        let day = 86_400.0
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        ledger.record(removed: ["records/R1/index.html", "records/R2/index.html"], present: ["index.html"], at: start)
        ledger.record(removed: [], present: ["records/R2/index.html"], at: start.addingTimeInterval(day))
        #expect(ledger.removedAt.keys.sorted() == ["records/R1/index.html"])
        let manifest = try DeployManifest.decode(Data(#"{"files":{"index.html":{"sha256":"\#(String(repeating: "0", count: 64))","size":1}}}"#.utf8))
        let checks = HostVerifier.checks(manifest: manifest, touched: [], ledger: ledger, sample: 10, rotation: 3)
        #expect(checks.filter { $0.expected == nil }.map(\.path) == ["records/R1/index.html", "records/R1/"])
        #expect(checks.contains { $0.path == "index.html" && $0.expected != nil })
        ledger.record(removed: [], present: [], at: start.addingTimeInterval(61 * day))
        #expect(ledger.removedAt.isEmpty)
        #expect(RemovalLedger.read(URL(fileURLWithPath: "/nonexistent")).removedAt.isEmpty)
    }
}
