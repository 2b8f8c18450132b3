import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SiteOutput
import StableDigest

/// `gongshi verify`: checks over HTTP that the web host serves what was published and
/// nothing that was removed.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check over HTTP that the web host serves the published site and none of the pages removed in the last 60 days; exit 1 naming every path that fails.")

    @Option(help: "The published folder the host should mirror.") var out: String
    @Option(name: .customLong("base-url"), help: "The site's address on the web host (site.toml's base_url).") var baseURL: String
    @Option(help: "The state folder the build used (--state), if any.") var state: String?
    @Option(help: "How many unchanged files to check besides the changed ones (another sample each day).")
    var sample: Int = 200

    func run() async throws {
        let destination = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
        let paths = try StagedOutput.statePaths(destination: destination, state: state)
        guard let base = URL(string: baseURL.hasSuffix("/") ? baseURL : baseURL + "/"), base.scheme?.hasPrefix("http") == true else {
            printError("gongshi: error: \(baseURL) is not an http(s) address")
            throw ExitCode(2)
        }
        let manifest: DeployManifest
        do {
            manifest = try DeployManifest.decode(Data(contentsOf: paths.manifest))
        } catch {
            printError("gongshi: error: \(paths.manifest.path): no manifest of a published build (\(error))")
            throw ExitCode(2)
        }
        let touched = (try? JSONSerialization.jsonObject(with: Data(contentsOf: paths.changes)) as? [String: [String]])
            .map { ($0["added"] ?? []) + ($0["changed"] ?? []) } ?? []
        let checks = HostVerifier.checks(manifest: manifest, touched: touched, ledger: RemovalLedger.read(paths.removals),
                                         sample: sample, rotation: Int(Date().timeIntervalSince1970 / 86_400))
        var failures: [HostVerifier.Failure] = []
        let session = URLSession(configuration: .ephemeral)
        for check in checks {
            var request = URLRequest(url: base.appendingPathComponent(check.path), cachePolicy: .reloadIgnoringLocalAndRemoteCacheData,
                                     timeoutInterval: 30)
            request.setValue("no-cache", forHTTPHeaderField: "Cache-Control")
            do {
                let (body, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if let failure = HostVerifier.judge(check, status: status, body: body) { failures.append(failure) }
            } catch {
                failures.append(HostVerifier.Failure(path: check.path, problem: "no answer (\(error.localizedDescription))"))
            }
        }
        for failure in failures { print(failure) }
        let removed = checks.filter { $0.expected == nil }.count
        if failures.isEmpty {
            print("gongshi: verify of \(base.absoluteString): \(checks.count - removed) files as published, \(removed) removed addresses gone")
        } else {
            printError("gongshi: verify of \(base.absoluteString): \(failures.count) of \(checks.count) checks failed")
            throw ExitCode(1)
        }
    }
}
