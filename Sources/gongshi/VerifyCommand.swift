import ArgumentParser
import Foundation
import Messages
import Publication
import SiteOutput

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
        guard let base = HostVerification.baseURL(baseURL) else {
            fail("not_http_address", ["value": baseURL])
            throw ExitCode(2)
        }
        do {
            try await Self.check(paths: paths, base: base, sample: sample)
        } catch let error as PublishError {
            printFailure(error)
            throw ExitCode(2)
        }
    }

    /// Runs the check and prints it; exit status 1 when anything failed.
    static func check(paths: StagedOutput.StatePaths, base: URL, sample: Int) async throws {
        let verification = try await HostVerification.run(paths: paths, base: base, sample: sample)
        for failure in verification.failures { print(failure) }
        let removed = verification.removedCount
        if verification.failures.isEmpty {
            say("verify_ok", ["base": base.absoluteString, "count": "\(verification.checks.count - removed)", "removed": "\(removed)"])
        } else {
            tell("verify_failed", ["base": base.absoluteString, "failed": "\(verification.failures.count)", "count": "\(verification.checks.count)"])
            throw ExitCode(1)
        }
    }
}
