import Foundation
import Messages
import SiteOutput

/// The check of the public surface after a build or a publication: the removal ledger's
/// paths must be gone, the last build's and publication's files served as published, and a
/// sample of the rest (another each day).
public struct HostVerification: Sendable {
    /// The checks made.
    public var checks: [HostVerifier.Check]
    /// Those that failed.
    public var failures: [HostVerifier.Failure]

    /// Removed addresses among the checks.
    public var removedCount: Int { checks.filter { $0.expected == nil }.count }

    /// Checks the host at `base` against the site whose state files are `paths`.
    public static func run(paths: StagedOutput.StatePaths, base: URL, sample: Int, now: Date = Date()) async throws -> HostVerification {
        let manifest: DeployManifest
        do {
            manifest = try DeployManifest.decode(Data(contentsOf: paths.manifest))
        } catch {
            throw PublishError(Message("publish_no_published_manifest", ["path": paths.manifest.path, "cause": "\(error)"]))
        }
        let built = (try? JSONSerialization.jsonObject(with: Data(contentsOf: paths.changes)) as? [String: [String]])
            .map { ($0["added"] ?? []) + ($0["changed"] ?? []) } ?? []
        let touched = Array(Set(built + Publisher.lastUploaded(paths)))
        let checks = HostVerifier.checks(manifest: manifest, touched: touched, ledger: RemovalLedger.read(paths.removals),
                                         sample: sample, rotation: Int(now.timeIntervalSince1970 / 86_400))
        return HostVerification(checks: checks, failures: await HostFetch.failures(of: checks, base: base))
    }

    /// `base` as a folder address, or nil when it is not http(s).
    public static func baseURL(_ text: String) -> URL? {
        guard let url = URL(string: text.hasSuffix("/") ? text : text + "/"),
              url.scheme == "http" || url.scheme == "https", url.host != nil else { return nil }
        return url
    }
}
