import CreditVocabulary
@testable import Publication
import Foundation
import SiteOutput
import StableDigest
import Testing

/// `gongshi publish` over SSH to a web host on loopback (sshd writing the folder nginx serves),
/// day by day over a month with a fake clock: uploads killed midway, the host unreachable for
/// a day, files edited on the host. After every run that succeeds, a crawl over HTTP from the
/// base URL finds exactly the local site, and nothing ever published and since removed answers.
@Suite("Publishing to a web host, a month day by day", .serialized)
struct PublishTests {
    static let binary = HostVerifyTests.binary

    /// The two ends of one month: a host (SSH and nginx, or an object store) and the site
    /// with its state.
    final class Month: @unchecked Sendable {
        let work = TemporaryFolder()
        let host: any MonthHost
        let fixture: SiteFixture
        var snapshot: String { work.path("snapshot.sqlite") }
        var webRoot: String { work.path("www") }
        var out: String { work.path("www/sxalhc") }
        var state: String { work.path("state") }
        /// Every path any build of the month published.
        var everPublished = Set<String>()

        /// Whether each build audits the new site, as the daily script's does (the 10k month
        /// leaves it out for time: an audit of 10k records in a debug build takes a minute).
        let audits: Bool

        init(host: any MonthHost, audits: Bool = true) throws {
            self.host = host
            self.audits = audits
            fixture = try SiteFixture(toml: """
                title = "失信案例核查"
                base_url = "\(host.baseURL)"
                [privacy]
                subject_slug_key = "test-site-slug-key-0123456789"
                [publish]
                \(host.publishSettings)
                """)
            try FileManager.default.createDirectory(atPath: webRoot, withIntermediateDirectories: true)
        }

        func build(_ day: CivilDate) throws {
            let result = try runProgram([PublishTests.binary, "build", "--snapshot", snapshot, "--site", fixture.site, "--out", out,
                                               "--state", state, "--as-of", day.description] + (audits ? ["--audit"] : []))
            #expect(result.status == 0, "build of \(day): \(result.output)")
            everPublished.formUnion(try manifest().files.keys)
        }

        func publish(_ extra: [String] = [], under wrapper: [String] = []) throws -> (status: Int32, output: String) {
            try runProgram(wrapper + [PublishTests.binary, "publish", "--out", out, "--state", state, "--site", fixture.site,
                                            "--sample", "50"] + extra)
        }

        func manifest() throws -> DeployManifest {
            try DeployManifest.decode(Data(contentsOf: URL(fileURLWithPath: state + "/sxalhc.manifest.json")))
        }

        /// The crawl's findings that contradict the local site, one line each.
        func crawlDifferences() async throws -> [String] {
            let local = try manifest()
            let gone = everPublished.subtracting(local.files.keys)
            let found = await HostCrawler(base: URL(string: host.baseURL)!).crawl(also: local.files.keys.sorted() + gone.sorted())
            var problems: [String] = []
            for (path, entry) in local.files.sorted(by: { $0.key < $1.key }) {
                guard let answer = found[path] else { problems.append("\(path): not fetched"); continue }
                if answer.status != 200 { problems.append("\(path): answers \(answer.status)") }
                else if answer.sha256 != entry.sha256 { problems.append("\(path): other bytes than the local site's") }
            }
            for (path, answer) in found where local.files[path] == nil && answer.status == 200 {
                problems.append("\(path): answers 200 but is not in the local site" + (gone.contains(path) ? " (removed earlier)" : ""))
            }
            let onHost = try host.files()
            if onHost != Set(local.files.keys) {
                problems.append("host differs: extra \(onHost.subtracting(local.files.keys).sorted().prefix(5)), missing \(Set(local.files.keys).subtracting(onHost).sorted().prefix(5))")
            }
            return problems
        }
    }

    /// A month of daily runs of `month` from `start`, with the hostile days; returns the paths
    /// removed in the month.
    func liveMonth(_ month: Month, from start: CivilDate, days: Int, bandwidthForKill: Int) async throws -> Set<String> {
        var killedMidway = false
        for offset in 0..<days {
            let day = start.adding(days: offset)
            try month.build(day)
            switch offset {
            case 0:
                // The first publication is killed midway (a timer's time limit, the machine
                // shutting down): the whole process group gets SIGKILL while files are still
                // going up.
                // Under the load of the other tests the upload may not have started within the
                // first seconds: then the kill comes later, until it lands midway.
                for seconds in [2, 4, 8] where !killedMidway {
                    let killed = try month.publish(["--bandwidth", "\(bandwidthForKill)"], under: ["/usr/bin/timeout", "-s", "KILL", "\(seconds)"])
                    // timeout sends SIGKILL to its process group, itself included (status 9), or
                    // reports the command's death (137).
                    #expect(killed.status == 9 || killed.status == 137, "\(killed.output)")
                    // The host's side of the killed transfer ends when it notices (before the next
                    // run, in real life a day or a retry later).
                    month.host.settle()
                    let partial = try month.host.files().count
                    let total = try month.manifest().files.count
                    killedMidway = partial > 0 && partial < total
                    if partial > 0 { break }
                }
            case 2:
                // The host is unreachable for the whole day: the run fails, saying so.
                let failed = try month.publish(try month.host.goDown())
                #expect(failed.status == 1, "\(failed.output)")
                #expect(failed.output.contains("did not finish"), "\(failed.output)")
                try month.host.comeBack()
                continue
            case 7:
                // Edited by hand on the host: a page changed, a stray page added, a file deleted.
                try month.host.editByHand(deleting: try month.manifest().files.keys.sorted().first { $0.hasPrefix("search/") }!)
            default:
                break
            }
            let published = try month.publish()
            #expect(published.status == 0, "\(day): \(published.output)")
            #expect(published.output.contains("removed addresses gone"), "\(day): \(published.output)")
            if offset == 7 {
                #expect(published.output.contains("differed on the host and were replaced") && published.output.contains("index.html")
                        && published.output.contains("records/STRAY/index.html"), "\(published.output)")
            }
            let problems = try await month.crawlDifferences()
            #expect(problems.isEmpty, "\(day): \(problems.prefix(10).joined(separator: "\n"))")
            // The state is not in the web root; the previous site is not served.
            #expect(try FileManager.default.contentsOfDirectory(atPath: month.webRoot) == ["sxalhc"])
            // Run again the same day: the host is not behind, nothing is sent.
            if offset == 0 || offset == 5 {
                let again = try month.publish(["--no-verify"])
                #expect(again.output.contains("already holds the site; nothing sent"), "\(again.output)")
            }
        }
        #expect(killedMidway, "the kill did not stop the upload midway; nothing was tested")
        return month.everPublished.subtracting(try month.manifest().files.keys)
    }

    @Test("the demo over a month over SSH: the host equals the local site after every run, closed rows answer 404 from their day on")
    func demoMonth() async throws {
        try #require(LoopbackSSH.available && FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx"))
        let month = try Month(host: try SSHMonthHost())
        let start = CivilDate(iso: "2026-12-01")!
        #expect(try runProgram([Self.binary, "demo", "--out", month.snapshot, "--today", start.description]).status == 0)
        let removed = try await liveMonth(month, from: start, days: 31, bandwidthForKill: 8)
        // Windows closed in the month, and their rows' pages are gone from the host.
        #expect(removed.contains { $0.hasPrefix("records/") }, "\(removed.sorted())")
    }

    @Test("a 10k synthetic snapshot over a month over SSH: the same, at the size of a city")
    func syntheticMonth() async throws {
        try #require(LoopbackSSH.available && FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx"))
        let month = try Month(host: try SSHMonthHost(), audits: false)
        let start = CivilDate(iso: "2026-12-01")!
        #expect(try runProgram([Self.binary, "demo", "--out", month.snapshot, "--records", "10000", "--today", start.description]).status == 0)
        let removed = try await liveMonth(month, from: start, days: 31, bandwidthForKill: 200)
        #expect(removed.filter { $0.hasPrefix("records/") }.count >= 10, "\(removed.count) paths removed")
    }

    @Test("the demo over a month to an S3-compatible object store (moto's server, through rclone)")
    func objectStoreMonth() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/rclone") && FileManager.default.isExecutableFile(atPath: ObjectStoreMonthHost.server))
        let month = try Month(host: try ObjectStoreMonthHost())
        let start = CivilDate(iso: "2026-12-01")!
        #expect(try runProgram([Self.binary, "demo", "--out", month.snapshot, "--today", start.description]).status == 0)
        let removed = try await liveMonth(month, from: start, days: 31, bandwidthForKill: 8)
        #expect(removed.contains { $0.hasPrefix("records/") }, "\(removed.sorted())")
    }
}

/// The web host of a month-long test.
protocol MonthHost: AnyObject {
    /// The column's address over HTTP.
    var baseURL: String { get }
    /// The lines of site.toml's `[publish]` table.
    var publishSettings: String { get }
    /// Every file the host holds.
    func files() throws -> Set<String>
    /// Makes the host unreachable; returns options for `publish` that day, if any.
    func goDown() throws -> [String]
    /// Makes it reachable again.
    func comeBack() throws
    /// Changes `index.html`, adds `records/STRAY/index.html` and deletes `victim`, as a person
    /// with the host's account would.
    func editByHand(deleting victim: String) throws
    /// Waits until the host's side of a killed transfer has ended.
    func settle()
}

/// sshd writing the folder nginx serves.
final class SSHMonthHost: MonthHost {
    let web: LoopbackHost
    let ssh: LoopbackSSH

    init() throws {
        web = try LoopbackHost()
        ssh = try LoopbackSSH(owning: [web.column])
    }

    var baseURL: String { web.baseURL }
    var publishSettings: String { "to = \"\(ssh.destination(web.column))\"\nssh = \"\(ssh.shell)\"" }
    func files() throws -> Set<String> { Set(try outputFiles(web.column).keys) }
    func goDown() throws -> [String] {
        ssh.stop()
        return []
    }
    func comeBack() throws { try ssh.start() }
    func editByHand(deleting victim: String) throws {
        try "<p>临时修改</p>".write(toFile: web.column + "/index.html", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: web.column + "/records/STRAY", withIntermediateDirectories: true)
        try "<p>stray</p>".write(toFile: web.column + "/records/STRAY/index.html", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: web.column + "/" + victim)
        try LoopbackSSH.shell(["/bin/chown", "-R", "\(ssh.user):", web.column])
    }
    func settle() { ssh.waitForSessions() }
}

/// moto's S3-compatible server (from PyPI, in the test venv), its objects public-read, written
/// through rclone.
final class ObjectStoreMonthHost: MonthHost {
    static let server = DeployScriptTests.root.appendingPathComponent(".venv/bin/moto_server").path
    let folder = TemporaryFolder()
    let port: Int
    private let process = Process()
    var config: String { folder.path("rclone.conf") }

    init() throws {
        port = try LoopbackHost.freePort()
        let downPort = try LoopbackHost.freePort()
        // `store` is moto; `down` a port nothing listens on (the day the host is unreachable).
        func remote(_ name: String, port: Int, _ extra: String = "") -> String {
            """
            [\(name)]
            type = s3
            provider = Other
            endpoint = http://127.0.0.1:\(port)
            access_key_id = test
            secret_access_key = test
            region = us-east-1
            force_path_style = true
            \(extra)
            """
        }
        try (remote("store", port: port, "acl = public-read") + "\n" + remote("down", port: downPort))
            .write(toFile: config, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: Self.server)
        process.arguments = ["-H", "127.0.0.1", "-p", "\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<400 where !LoopbackHost.answers(port) { usleep(25_000) }
        try rclone(["mkdir", "store:credit"])
    }

    deinit {
        // SIGKILL: the server started by Foundation's Process does not end on SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @discardableResult
    func rclone(_ arguments: [String], input: String? = nil) throws -> String {
        let result = try runProgram(["/usr/bin/rclone", "--config", config] + arguments)
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.output]) }
        return result.output
    }

    var baseURL: String { "http://127.0.0.1:\(port)/credit/sxalhc/" }
    var publishSettings: String { "to = \"rclone:store:credit/sxalhc\"\nrclone_config = \"\(config)\"" }
    func files() throws -> Set<String> {
        Set(try rclone(["lsf", "-R", "--files-only", "store:credit/sxalhc"]).split(separator: "\n").map(String.init))
    }
    func goDown() throws -> [String] { ["--to", "rclone:down:credit/sxalhc"] }
    func comeBack() throws {}
    func editByHand(deleting victim: String) throws {
        let page = folder.path("edited.html")
        try "<p>临时修改</p>".write(toFile: page, atomically: true, encoding: .utf8)
        try rclone(["copyto", page, "store:credit/sxalhc/index.html"])
        try rclone(["copyto", page, "store:credit/sxalhc/records/STRAY/index.html"])
        try rclone(["deletefile", "store:credit/sxalhc/" + victim])
    }
    func settle() { usleep(500_000) }
}

@Suite("Publishing: the plan and the transports' command lines")
struct PublishPlanTests {
    func manifest(_ files: [String: String]) -> DeployManifest {
        DeployManifest(files: files.mapValues { DeployManifest.Entry(sha256: FileDigest(of: Data($0.utf8)), size: $0.utf8.count) })
    }

    @Test("files that link to nothing go first, then new pages, changed pages, lists; deletions come last")
    func order() {
        let host = manifest(["index.html": "a", "records/R1/index.html": "r1", "style.css": "s", "search/manifest.json": "m",
                             "search/h/0.json": "h", "records/R2/index.html": "r2", "sitemap.xml": "x"])
        let local = manifest(["index.html": "a2", "records/R1/index.html": "r1", "style.css": "s2", "search/manifest.json": "m2",
                              "search/h/0.json": "h", "search/h/1.json": "h1", "records/R3/index.html": "r3", "sitemap.xml": "x2",
                              "feed.xml": "f"])
        let plan = PublishPlan(local: local, host: host)
        #expect(plan.batches.map(\.kind) == [.content, .newPages, .changedPages, .lists])
        #expect(plan.batches.map(\.paths) == [["search/h/1.json", "style.css"], ["records/R3/index.html"], ["index.html"],
                                              ["feed.xml", "search/manifest.json", "sitemap.xml"]])
        #expect(plan.removed == ["records/R2/index.html"])
        #expect(!plan.hostUnknown && !plan.isEmpty)
        #expect(PublishPlan(local: local, host: local).isEmpty)
        // Unknown host: everything is listed (the transport skips equal bytes), nothing deleted by the plan.
        let unknown = PublishPlan(local: local, host: nil)
        #expect(unknown.hostUnknown && unknown.removed.isEmpty && unknown.uploads.count == local.files.count)
        #expect(!unknown.batches.contains { $0.kind == .newPages })
    }

    @Test("rsync sends lists comparing bytes and mirrors with deletions after; its itemized lines are counted")
    func rsyncArguments() {
        let transport = RsyncTransport(destination: "www@web1:/srv/www/sxalhc/", remoteShell: "ssh -p 2222", bandwidthLimit: 512)
        let root = URL(fileURLWithPath: "/srv/out")
        let upload = transport.uploadArguments(root: root, listFile: URL(fileURLWithPath: "/tmp/list"))
        #expect(upload.contains("--checksum") && upload.contains("--files-from=/tmp/list") && upload.contains("--from0"))
        #expect(upload.contains("--rsh=ssh -p 2222") && upload.contains("--bwlimit=512"))
        #expect(upload.suffix(2) == ["/srv/out/", "www@web1:/srv/www/sxalhc/"])
        #expect(!upload.contains { $0.hasPrefix("--delete") })
        let mirror = transport.mirrorArguments(root: root, compareBytes: false)
        #expect(mirror.contains("--delete-after") && mirror.contains("--recursive") && !mirror.contains("--checksum"))
        #expect(transport.mirrorArguments(root: root, compareBytes: true).contains("--checksum"))
        let count = RsyncTransport.parse(["<f+++++++++ records/R1/index.html", ">f.st...... style.css", "cd+++++++++ records/R1/",
                                          "*deleting   records/R2/index.html", "*deleting   records/R2/", ".d..t...... ./"])
        #expect(count.uploaded == ["records/R1/index.html", "style.css"])
        #expect(count.deleted == ["records/R2/index.html"])
    }

    @Test("rclone copies lists and syncs with deletions after, comparing checksums; its log lines are counted")
    func rcloneArguments() {
        let transport = RcloneTransport(remote: "portal:credit-site/sxalhc", configFile: "/etc/gongshi/rclone.conf", bandwidthLimit: 256)
        let log = URL(fileURLWithPath: "/tmp/log")
        let upload = transport.uploadArguments(root: URL(fileURLWithPath: "/srv/out"), listFile: URL(fileURLWithPath: "/tmp/list"), log: log)
        #expect(upload.prefix(2) == ["/usr/bin/rclone", "copy"])
        #expect(upload.contains("--files-from-raw=/tmp/list") && upload.contains("--checksum") && upload.contains("--config=/etc/gongshi/rclone.conf"))
        #expect(upload.contains("--bwlimit=256k") && upload.suffix(2) == ["/srv/out", "portal:credit-site/sxalhc"])
        let mirror = transport.mirrorArguments(root: URL(fileURLWithPath: "/srv/out"), log: log)
        #expect(mirror.prefix(2) == ["/usr/bin/rclone", "sync"] && mirror.contains("--delete-after"))
        let count = RcloneTransport.parse([
            "2026/12/03 10:00:00 INFO  : records/R1/index.html: Copied (new)",
            "2026/12/03 10:00:00 INFO  : style.css: Copied (replaced existing)",
            "2026/12/03 10:00:01 INFO  : records/R2/index.html: Deleted",
            "2026/12/03 10:00:01 INFO  : There was nothing to transfer",
        ])
        #expect(count.uploaded == ["records/R1/index.html", "style.css"] && count.deleted == ["records/R2/index.html"])
    }

    @Test("a process the transport started that outlives gongshi keeps the output lock (letting go does not unlock it); a build's lock is not inherited")
    func lockOutlivesKilledPublication() throws {
        let folder = TemporaryFolder()
        let url = URL(fileURLWithPath: folder.path("sxalhc.lock")), site = URL(fileURLWithPath: folder.path("sxalhc"))
        var publication: OutputLock? = try OutputLock(url, folder: site, inheritable: true)
        // An upload left running in the background, as after gongshi alone was killed.
        _ = try ChildCommand(arguments: ["/bin/sh", "-c", "sleep 3 </dev/null >/dev/null 2>&1 &"]).run()
        publication = nil
        #expect(throws: OutputError.self) { try OutputLock(url, folder: site) }
        var free = false
        for _ in 0..<100 where !free {
            free = (try? OutputLock(url, folder: site)) != nil
            if !free { usleep(100_000) }
        }
        #expect(free, "free again once the background process has ended")

        var build: OutputLock? = try OutputLock(url, folder: site)
        _ = try ChildCommand(arguments: ["/bin/sh", "-c", "sleep 3 </dev/null >/dev/null 2>&1 &"]).run()
        build = nil
        #expect((try? OutputLock(url, folder: site)) != nil)
        _ = publication
        _ = build
    }

    @Test("the purge command gets every touched address, a page also as its folder")
    func purgeAddresses() {
        let lines = PurgeHook.addresses(of: ["records/R1/index.html", "style.css", "index.html"], base: URL(string: "https://x.gov.cn/sxalhc/")!)
        #expect(lines == ["https://x.gov.cn/sxalhc/index.html", "https://x.gov.cn/sxalhc/",
                          "https://x.gov.cn/sxalhc/records/R1/index.html", "https://x.gov.cn/sxalhc/records/R1/",
                          "https://x.gov.cn/sxalhc/style.css"])
    }
}
