import ArgumentParser
import Foundation
import Messages
import Publication
import SiteConfig
import SiteOutput

/// `gongshi publish`: makes the web host hold exactly the built site, then checks it over HTTP.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Send the built site to the web host (rsync over SSH, or an object store through rclone), then check over HTTP that the host serves it and none of the removed pages.",
        discussion: """
            Every run makes the host equal to --out, whatever the last build did: new and changed \
            files first, then the pages linking to them, deletions last. A run that fails or is \
            killed is repaired by the next one. Settings come from site.toml's [publish] table; \
            the options below override them.
            """)

    @Option(help: "The built site (build's --out).") var out: String = "public"
    @Option(help: "The state folder the build used (--state), if any.") var state: String?
    @Option(help: "The site folder, for site.toml's [publish] settings and base_url.") var site: String = "."
    @Option(help: "Where to: USER@HOST:/FOLDER (rsync over SSH), a local folder, or rclone:REMOTE:BUCKET/PATH.")
    var to: String?
    @Option(help: "rsync's remote shell, e.g. \"ssh -i /etc/gongshi/id_ed25519 -p 2222\".") var ssh: String?
    @Option(name: .customLong("bandwidth"), help: "Upload limit in KiB/s.") var bandwidth: Int?
    @Option(help: "CDN purge command, run with the changed addresses on standard input before the check.") var purge: String?
    @Option(name: .customLong("base-url"), help: "The site's address on the web host (default: site.toml's base_url).")
    var baseURL: String?
    @Option(help: "How many unchanged files the check fetches besides the changed ones.") var sample: Int = 200
    @Flag(name: .customLong("no-verify"), help: "Do not check the host over HTTP afterwards.") var noVerify = false
    @Flag(name: .customLong("compare-bytes"), help: "Compare every file's bytes with the host's, not only sizes and times (reads the whole site on both sides).")
    var compareBytes = false

    func run() async throws {
        let destination = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
        let settings: (publish: PublishConfiguration, baseURL: String?)
        do {
            settings = try Self.settings(site: site)
        } catch {
            printFailure(error)
            throw ExitCode(2)
        }
        guard let target = to ?? settings.publish.to else {
            fail("publish_no_destination")
            throw ExitCode(2)
        }
        let bandwidth = bandwidth ?? settings.publish.bandwidthKiB
        let transport: any PublishTransport = target.hasPrefix("rclone:")
            ? RcloneTransport(remote: String(target.dropFirst("rclone:".count)), configFile: settings.publish.rcloneConfig,
                              bandwidthLimit: bandwidth)
            : RsyncTransport(destination: target, remoteShell: ssh ?? settings.publish.ssh, bandwidthLimit: bandwidth)
        let base = try (baseURL ?? (noVerify ? nil : settings.baseURL)).map { text in
            guard let url = HostVerification.baseURL(text) else {
                fail("not_http_address", ["value": text])
                throw ExitCode(2)
            }
            return url
        }
        let paths: StagedOutput.StatePaths
        let result: Publisher.Result
        do {
            paths = try StagedOutput.statePaths(destination: destination, state: state)
            result = try Publisher(out: destination, paths: paths, transport: transport, compareBytes: compareBytes).publish()
        } catch {
            printFailure(error)
            tell("publish_unfinished", ["destination": transport.destination])
            throw ExitCode(1)
        }
        Self.report(result, to: transport.destination)
        if purge ?? settings.publish.purge != nil, base == nil {
            warn("purge_needs_base_url")
        }
        if let command = purge ?? settings.publish.purge, let base, !result.touched.isEmpty {
            do {
                try PurgeHook(command: command).run(paths: result.touched, base: base)
                say("purge_run", ["count": "\(result.touched.count)"])
            } catch {
                printFailure(error)
                throw ExitCode(1)
            }
        }
        guard !noVerify, let base else { return }
        do {
            try await VerifyCommand.check(paths: paths, base: base, sample: sample)
        } catch let error as PublishError {
            printFailure(error)
            throw ExitCode(1)
        }
    }

    /// The `[publish]` table and the base URL of the site folder at `site`, when it has a
    /// site.toml (none: no settings).
    static func settings(site: String) throws -> (publish: PublishConfiguration, baseURL: String?) {
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: site).appendingPathComponent("site.toml").path) else {
            return (PublishConfiguration(), nil)
        }
        let configuration = try SiteFolder.load(site).configuration
        let baseURL = configuration.baseURL == SiteConfiguration().baseURL ? nil : configuration.baseURL
        return (configuration.publishing, baseURL)
    }

    /// The lines saying what was sent.
    static func report(_ result: Publisher.Result, to destination: String) {
        let sent = result.sent.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ")
        let deleted = Set(result.plan.removed + result.mirror.deleted).count
        if result.uploadedCount == 0 && deleted == 0 {
            say("publish_nothing_sent", ["destination": destination])
            return
        }
        say("publish_sent", ["destination": destination, "count": "\(result.uploadedCount)", "sent": sent.isEmpty ? "" : " (\(sent))",
                             "deleted": "\(deleted)"])
        if !result.mirror.uploaded.isEmpty {
            say("publish_repaired", ["count": "\(result.mirror.uploaded.count)",
                                     "files": result.mirror.uploaded.prefix(5).joined(separator: ", ") + (result.mirror.uploaded.count > 5 ? ", …" : "")])
        }
        let strays = Set(result.mirror.deleted).subtracting(result.plan.removed).sorted()
        if !strays.isEmpty {
            say("publish_strays", ["count": "\(strays.count)", "files": strays.prefix(5).joined(separator: ", ") + (strays.count > 5 ? ", …" : "")])
        }
    }
}
