@testable import BuildPipeline
import DemoSnapshot
import Foundation
import Messages
@testable import PreviewServer
import Testing

/// Who reaches the preview: the Host check, the address it binds, idle connections, errors,
/// and the reviewers' login (accounts, sessions, throttle, access log).
@Suite("Reviewer preview: access", .serialized)
struct PreviewAccessTests {
    /// A demo snapshot in a fresh site fixture.
    func demo() throws -> (SiteFixture, String) {
        let fixture = try SiteFixture()
        let snapshot = fixture.snapshotPath("demo.sqlite")
        try DemoSnapshot.write(to: snapshot)
        return (fixture, snapshot)
    }

    /// An accounts file with `reviewers` (cheap hashes: bcrypt's cost 4).
    func accounts(_ fixture: SiteFixture, _ reviewers: [String: String]) throws -> String {
        var accounts = ReviewerAccounts()
        for (name, password) in reviewers.sorted(by: { $0.key < $1.key }) { try accounts.set(name, password: password, cost: 4) }
        let path = fixture.snapshotPath("users")
        try accounts.write(to: path)
        return path
    }

    @Test("a Host header that does not name the preview is refused (DNS rebinding); IP literals, localhost and server names pass")
    func hostHeader() async throws {
        let (fixture, snapshot) = try demo()
        try await withPreviewServer(snapshot: snapshot, site: fixture.site, configure: { $0.serverNames = ["preview.example.gov.cn"] }) { base in
            let http = RawHTTP(port: base.port!)
            for host in ["evil.example", "evil.example:\(base.port!)", "127.0.0.1.nip.io", "localhost.evil.example", "", "[::1", "a:b:c"] {
                let reply = try http.send("GET", "/records/REC-011/", host: host)
                #expect(reply.status == 421 || reply.status == 400, "Host \(host) got \(reply.status)")
                #expect(!reply.body.contains("4206"), "Host \(host) read a page")
            }
            let refused = try http.send("GET", "/", host: "evil.example")
            #expect(refused.body.contains("地址不符"))
            for host in ["127.0.0.1:\(base.port!)", "localhost:\(base.port!)", "LOCALHOST.", "[::1]:\(base.port!)", "preview.example.gov.cn",
                         "Preview.Example.Gov.CN:443", "10.1.2.3"] {
                #expect(try http.send("GET", "/", host: host).status == 200, "Host \(host)")
            }
            // A form posted from another site's page is refused even with the right Host.
            for origin in ["https://evil.example", "null"] {
                let crossSite = try http.send("POST", "/_preview/login", headers: ["Origin": origin], body: "name=a&password=b")
                #expect(crossSite.status == 403, "Origin \(origin)")
            }
            // Headers that keep the pages out of frames, caches and referrers.
            let page = try http.send("GET", "/")
            #expect(page.headers["x-frame-options"] == "DENY" && page.headers["cache-control"] == "no-store"
                    && page.headers["referrer-policy"] == "same-origin")
        }
    }

    @Test("loopback is decided on the resolved address; a remote address needs --allow-remote and accounts")
    func bindAddress() async throws {
        #expect(ListeningAddress.isLoopbackNumeric("127.0.0.1") && ListeningAddress.isLoopbackNumeric("127.9.8.7")
                && ListeningAddress.isLoopbackNumeric("::1") && ListeningAddress.isLoopbackNumeric("::ffff:127.0.0.1"))
        #expect(!ListeningAddress.isLoopbackNumeric("0.0.0.0") && !ListeningAddress.isLoopbackNumeric("10.0.0.1")
                && !ListeningAddress.isLoopbackNumeric("127.0.0.1.5") && !ListeningAddress.isLoopbackNumeric("::"))
        #expect(PreviewServer.isLoopback("127.0.0.1") && PreviewServer.isLoopback("localhost") && PreviewServer.isLoopback("::1"))
        #expect(!PreviewServer.isLoopback("127.0.0.1.nip.invalid"), "a name that starts like loopback is not loopback")
        #expect(!PreviewServer.isLoopback("0.0.0.0"))
        #expect(ListeningAddress.hostName(of: "[::1]:8080") == "::1" && ListeningAddress.hostName(of: "Example.ORG.:80") == "example.org"
                && ListeningAddress.hostName(of: "a:b") == "" && ListeningAddress.hostName(of: "x:80a") == "")

        let (fixture, snapshot) = try demo()
        let log = fixture.snapshotPath("access.log")
        await #expect(throws: PreviewError.self) {
            try await PreviewServer.run(PreviewOptions(snapshot: snapshot, site: fixture.site, host: "127.0.0.1.nip.invalid", port: 0, accessLog: log))
        }
        do {
            try await PreviewServer.run(PreviewOptions(snapshot: snapshot, site: fixture.site, host: "0.0.0.0", port: 0, accessLog: log))
            Issue.record("bound 0.0.0.0 without --allow-remote")
        } catch let error as PreviewError {
            #expect(error.description.contains("--allow-remote") && error.description.contains("[not_loopback]"))
        }
        do {
            try await PreviewServer.run(PreviewOptions(snapshot: snapshot, site: fixture.site, host: "0.0.0.0", port: 0, allowRemote: true, accessLog: log))
            Issue.record("bound 0.0.0.0 without accounts")
        } catch let error as PreviewError {
            #expect(error.description.contains("preview-user add") && error.description.contains("[remote_needs_users]"))
        }
        // An empty accounts file is refused too: no one could log in.
        let empty = fixture.snapshotPath("empty-users")
        try ReviewerAccounts().write(to: empty)
        await #expect(throws: PreviewError.self) {
            try await PreviewServer.run(PreviewOptions(snapshot: snapshot, site: fixture.site, port: 0, users: empty, accessLog: log))
        }
    }

    @Test("a port in use is said in words, not as a socket call's errno")
    func portInUse() async throws {
        let (fixture, snapshot) = try demo()
        try await withPreviewServer(snapshot: snapshot, site: fixture.site) { base in
            do {
                try await PreviewServer.run(PreviewOptions(snapshot: snapshot, site: fixture.site, port: base.port!,
                                                           accessLog: fixture.snapshotPath("second.log")))
                Issue.record("a second preview bound the same port")
            } catch let error as PreviewError {
                #expect(error.text(in: .chinese).contains("端口 \(base.port!) 已被占用") && error.description.contains("[port_in_use]"))
            }
        }
    }

    @Test("an idle connection, or one that never finishes its request, is closed")
    func idleConnections() async throws {
        let (fixture, snapshot) = try demo()
        // Not shorter: a connection the idle timer closes before Hummingbird's accept loop took it
        // (a loaded machine) trips swift-nio's "Deinited NIOAsyncWriter" trap (apple/swift-nio#3481).
        try await withPreviewServer(snapshot: snapshot, site: fixture.site, configure: { $0.idleTimeout = .seconds(3) }) { base in
            let http = RawHTTP(port: base.port!)
            let silent = try http.open()
            let slow = try http.open(sending: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            defer { close(silent); close(slow) }
            #expect(RawHTTP.isClosed(silent, within: 10), "a silent connection stayed open")
            #expect(RawHTTP.isClosed(slow, within: 10), "a request that never ends kept its connection")
        }
    }

    @Test("a snapshot replaced by garbage leaves the last good version serving, saying why; the next good one is served")
    func damagedSnapshot() async throws {
        let (fixture, snapshot) = try demo()
        try await withPreviewServer(snapshot: snapshot, site: fixture.site) { base in
            #expect(try await fetch(base.appendingPathComponent("records/REC-011/")).0 == 200)
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: snapshot))
            #expect(try await eventually {
                let (status, page) = try await fetch(base.appendingPathComponent("records/REC-011/"))
                return status == 200 && page.contains("无法读取") && page.contains("not a readable SQLite database") && page.contains("上一版本")
            }, "the old version with the cause")
            // A page not made before is made from the old version, saying so.
            let (status, page) = try await fetch(base.appendingPathComponent("records/REC-001/"))
            #expect(status == 200 && page.contains("上一版本"), "\(status)")
            try DemoSnapshot.write(to: snapshot)
            #expect(try await eventually { !(try await fetch(base.appendingPathComponent("records/REC-011/")).1.contains("上一版本")) })
            #expect(try await fetch(base.appendingPathComponent("records/REC-001/")).0 == 200)
        }
    }

    @Test("with accounts, nothing but the login form is served without a session; the cookie is HttpOnly, SameSite=Strict, Secure")
    func login() async throws {
        let (fixture, snapshot) = try demo()
        let users = try accounts(fixture, ["张审核": "correct horse battery", "li": "another long password"])
        let log = fixture.snapshotPath("access.log")
        try await withPreviewServer(snapshot: snapshot, site: fixture.site, configure: {
            $0.users = users
            $0.accessLog = log
            $0.throttle = .init(delay: .milliseconds(300), limit: 100)
        }) { base in
            let http = RawHTTP(port: base.port!)
            // Without a session: pages send the browser to the form, originals are refused.
            let index = try http.send("GET", "/records/REC-011/?x=1")
            #expect(index.status == 303 && index.headers["location"] == "/_preview/login?next=/records/REC-011/%3Fx%3D1", "\(index.headers)")
            for path in ["/", "/_preview/redactions/", "/_preview/redactions/records/REC-011/", "/subjects/S-OUYANG/"] {
                let reply = try http.send("GET", path)
                #expect(reply.status == 303 && !reply.body.contains("4206"), "\(path)")
            }
            let originals = try http.send("GET", "/_preview/originals/records/REC-011/?v=1")
            #expect(originals.status == 401 && !originals.body.contains("420602"))
            #expect(try http.send("HEAD", "/_preview/originals/records/REC-011/?v=1").status == 401)
            let form = try http.send("GET", "/_preview/login?next=/records/REC-011/")
            #expect(form.status == 200 && form.body.contains("审核人员登录") && form.body.contains("type=\"password\"")
                    && form.body.contains("value=\"/records/REC-011/\""))
            #expect(try http.send("GET", "/_preview/preview.css").status == 200)

            // A wrong password: refused, slowed, logged; an unknown name the same.
            let started = ContinuousClock.now
            let wrong = try http.send("POST", "/_preview/login", body: "name=%E5%BC%A0%E5%AE%A1%E6%A0%B8&password=wrong&next=/")
            #expect(wrong.status == 401 && wrong.body.contains("账号或密码不正确") && wrong.headers["set-cookie"] == nil)
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            let unknown = try http.send("POST", "/_preview/login", body: "name=nobody&password=correct+horse+battery")
            #expect(unknown.status == 401)

            // The right one: a session cookie, and the page it was going to.
            let right = try http.send("POST", "/_preview/login",
                                      body: "name=%E5%BC%A0%E5%AE%A1%E6%A0%B8&password=correct+horse+battery&next=%2Frecords%2FREC-011%2F")
            #expect(right.status == 303 && right.headers["location"] == "/records/REC-011/")
            let cookie = try #require(right.headers["set-cookie"])
            for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] { #expect(cookie.contains(attribute), "\(cookie)") }
            let session = String(cookie.prefix { $0 != ";" })
            let page = try http.send("GET", "/records/REC-011/", headers: ["Cookie": session])
            #expect(page.status == 200 && page.body.contains("审核人员：张审核") && page.body.contains("退出登录"))
            #expect(!page.body.contains("420602197803140513"), "an original in the page")
            let revealed = try http.send("GET", "/_preview/originals/records/REC-011/?v=1", headers: ["Cookie": session])
            #expect(revealed.status == 200 && revealed.body.contains("420602197803140513"))
            #expect(try http.send("GET", "/", headers: ["Cookie": "gongshi_preview=0123456789abcdef"]).status == 303, "a made-up token")

            // A redirect after login stays on the preview.
            let away = try http.send("POST", "/_preview/login", body: "name=li&password=another+long+password&next=//evil.example/")
            #expect(away.status == 303 && away.headers["location"] == "/")

            // Logging out ends the session.
            let out = try http.send("POST", "/_preview/logout", headers: ["Cookie": session])
            #expect(out.status == 303 && out.headers["set-cookie"]?.contains("Max-Age=0") == true)
            #expect(try http.send("GET", "/", headers: ["Cookie": session]).status == 303)

            let entries = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
            }
            let events = entries.map { "\($0["event"] ?? "")/\($0["reviewer"] ?? "")" }
            #expect(events == ["login_refused/张审核", "login_refused/nobody", "login/张审核", "reveal/张审核", "login/li", "logout/张审核"], "\(events)")
            let reveal = try #require(entries.first { $0["event"] as? String == "reveal" })
            #expect(reveal["id"] as? String == "REC-011" && (reveal["fields"] as? [String])?.contains("subjects/S-OUYANG/id_number") == true
                    && reveal["address"] as? String == "127.0.0.1" && (reveal["time"] as? String)?.hasSuffix("Z") == true)
        }
    }

    @Test("repeated wrong passwords lock the name out, right password or not; sessions lapse when idle")
    func throttleAndExpiry() async throws {
        let (fixture, snapshot) = try demo()
        let users = try accounts(fixture, ["wang": "a long enough password"])
        try await withPreviewServer(snapshot: snapshot, site: fixture.site, configure: {
            $0.users = users
            $0.throttle = .init(delay: .milliseconds(10), limit: 3)
            $0.sessionIdle = .seconds(1)
        }) { base in
            let http = RawHTTP(port: base.port!)
            let right = try http.send("POST", "/_preview/login", body: "name=wang&password=a+long+enough+password")
            let session = String(try #require(right.headers["set-cookie"]).prefix { $0 != ";" })
            #expect(try http.send("GET", "/", headers: ["Cookie": session]).status == 200)
            try await Task.sleep(for: .milliseconds(1500))
            #expect(try http.send("GET", "/", headers: ["Cookie": session]).status == 303, "a session outlived its idle time")

            // Behind a proxy on loopback, guesses from one client lock that client out, not the
            // proxy's address that every reviewer shares.
            for name in ["a1", "a2", "a3"] {
                #expect(try http.send("POST", "/_preview/login", headers: ["X-Forwarded-For": "10.0.0.1"], body: "name=\(name)&password=guess").status == 401)
            }
            #expect(try http.send("POST", "/_preview/login", headers: ["X-Forwarded-For": "10.0.0.1"],
                                  body: "name=wang&password=a+long+enough+password").status == 429)
            #expect(try http.send("POST", "/_preview/login", headers: ["X-Forwarded-For": "10.0.0.2"],
                                  body: "name=wang&password=a+long+enough+password").status == 303)

            for _ in 0..<3 { #expect(try http.send("POST", "/_preview/login", body: "name=wang&password=guess").status == 401) }
            let locked = try http.send("POST", "/_preview/login", body: "name=wang&password=a+long+enough+password")
            #expect(locked.status == 429 && locked.body.contains("次数过多") && locked.headers["set-cookie"] == nil)
        }
    }

    @Test("accounts: names checked, short passwords refused, hashes only, the file owner-only; read again when changed")
    func accountsFile() async throws {
        let fixture = try SiteFixture()
        var accounts = ReviewerAccounts()
        #expect(throws: PreviewError.self) { try accounts.set("a:b", password: "long enough password", cost: 4) }
        #expect(throws: PreviewError.self) { try accounts.set("a b", password: "long enough password", cost: 4) }
        #expect(throws: PreviewError.self) { try accounts.set("ok", password: "short", cost: 4) }
        try accounts.set("王审核", password: "long enough password", cost: 4)
        try accounts.set("li", password: "first long password", cost: 4)
        try accounts.set("li", password: "second long password", cost: 4)
        #expect(accounts.names == ["王审核", "li"])
        #expect(accounts.verify("li", password: "second long password") && !accounts.verify("li", password: "first long password"))
        #expect(!accounts.verify("nobody", password: "second long password"))
        let path = fixture.snapshotPath("users")
        try accounts.write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("long password") && text.contains("王审核:$2"))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue
        #expect(mode & 0o077 == 0, "mode \(String(mode, radix: 8))")
        #expect(try ReviewerAccounts(contentsOf: path) == accounts)
        try "li:plaintext\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ReviewerAccounts(contentsOf: path)
            Issue.record("a line without a hash was accepted")
        } catch let error as PreviewError {
            #expect(error.text(in: .chinese).contains("第 1 行") && error.text(in: .english).contains("line 1: expected NAME:PASSWORD-HASH"))
        }
        try accounts.write(to: path)
        let file = try AccountsFile(path: path)
        #expect(try await file.current().names == ["王审核", "li"])
        #expect(accounts.remove("li") && !accounts.remove("li"))
        try accounts.write(to: path)
        #expect(try await file.current().names == ["王审核"])
    }

    @Test("gongshi preview-user adds from standard input, lists and removes")
    func command() throws {
        let fixture = try SiteFixture()
        let users = fixture.snapshotPath("users")
        func run(_ arguments: [String], input: String) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: HostVerifyTests.binary)
            process.arguments = arguments
            let stdin = Pipe(), output = Pipe()
            process.standardInput = stdin
            process.standardOutput = output
            process.standardError = output
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let added = try run(["preview-user", "add", "陈审核", "--users", users], input: "a password of length\n")
        #expect(added.0 == 0 && added.1.contains("陈审核"), "\(added.1)")
        let short = try run(["preview-user", "add", "x", "--users", users], input: "short\n")
        #expect(short.0 != 0 && short.1.contains("[password_short]"), "\(short.1)")
        #expect(try ReviewerAccounts(contentsOf: users).verify("陈审核", password: "a password of length"))
        #expect(try run(["preview-user", "list", "--users", users], input: "").1 == "陈审核\n")
        #expect(try run(["preview-user", "remove", "陈审核", "--users", users], input: "").0 == 0)
        #expect(try run(["preview-user", "remove", "陈审核", "--users", users], input: "").0 != 0)
        #expect(try ReviewerAccounts(contentsOf: users).names.isEmpty)
    }
}
