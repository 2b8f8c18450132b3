import ArgumentParser
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
    @Flag(name: .customLong("allow-remote"), help: "Allow binding a non-loopback address (exposes unpublished data).")
    var allowRemote = false

    func run() async throws {
        if !PreviewServer.isLoopback(host) && allowRemote {
            printError("gongshi: warning: the preview shows drafts and unredacted originals; it is now reachable at \(host):\(port)")
        }
        let options = PreviewOptions(snapshot: snapshot, site: site, host: host, port: port, allowRemote: allowRemote)
        do {
            try await PreviewServer.run(options) { port in
                print("gongshi: preview of \(snapshot) at http://\(host):\(port)/ (not public; Ctrl-C to stop)")
            }
        } catch let error as PreviewError {
            printFailure(error)
            throw ExitCode(1)
        }
    }
}
