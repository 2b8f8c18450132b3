import ArgumentParser
import Foundation
import Messages
import PreviewServer

/// `gongshi preview`.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve reviewers' previews of any row of a snapshot, redactions highlighted (never publishes anything).")

    @Option(help: "The snapshot file (re-read when it changes).") var snapshot: String
    @Option(help: "The site folder.") var site: String = "."
    @Option(help: "Address to bind.") var host: String = "127.0.0.1"
    @Option(help: "Port.") var port: Int = 8080
    @Flag(name: .customLong("allow-remote"), help: "Allow binding a non-loopback address (needs --users; put TLS in front, see README).")
    var allowRemote = false
    @Option(help: "The reviewers' accounts file (gongshi preview-user add): every page then asks for a login.")
    var users: String?
    @Option(name: .customLong("server-name"), help: "A host name the preview answers to besides its address (a TLS proxy's public name); repeatable.")
    var serverNames: [String] = []
    @Option(name: .customLong("access-log"), help: "Where logins and each reveal of originals are logged (JSON lines).")
    var accessLog = "preview-access.log"
    @Option(name: .customLong("session-minutes"), help: "Minutes a session lasts without a request.")
    var sessionMinutes = 30

    func run() async throws {
        let options = PreviewOptions(snapshot: snapshot, site: site, host: host, port: port, allowRemote: allowRemote,
                                     users: users, serverNames: serverNames, accessLog: accessLog,
                                     sessionIdle: .seconds(max(1, sessionMinutes) * 60))
        do {
            try await PreviewServer.run(options) { port in
                let login = users.map { Message("preview_login_needed", ["file": $0]) } ?? Message("preview_login_none")
                let ready = Message("preview_ready", ["snapshot": snapshot, "url": "http://\(host):\(port)/", "login": login.text, "log": accessLog])
                FileHandle.standardOutput.write(Data(("gongshi: " + ready.text + "\n").utf8))
            }
        } catch let error as PreviewError {
            printFailure(error)
            throw ExitCode(1)
        }
    }
}
