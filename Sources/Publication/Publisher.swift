import Foundation
import Messages
import SiteOutput

/// `gongshi publish`: makes the web host hold exactly the built site.
///
/// Steps: take the output folder's lock (no build swaps the site while it is read); plan the
/// uploads against the manifest the host last confirmed; send them in the plan's order; mirror
/// the whole folder (repairs files edited on the host or left by a killed run, and deletes what
/// the site no longer has, after everything was sent); record the host's new manifest and the
/// deleted paths. Nothing is recorded before the host holds the site, so a run that is killed
/// or cannot reach the host leaves the old record, and the next run sends all that is missing.
public struct Publisher: Sendable {
    /// The built site (`--out`).
    public var out: URL
    /// The build's state files.
    public var paths: StagedOutput.StatePaths
    /// How the files reach the host.
    public var transport: any PublishTransport
    /// Whether the mirroring pass compares every file's bytes instead of sizes and times.
    public var compareBytes: Bool

    /// A publisher of `out`.
    public init(out: URL, paths: StagedOutput.StatePaths, transport: any PublishTransport, compareBytes: Bool = false) {
        self.out = out
        self.paths = paths
        self.transport = transport
        self.compareBytes = compareBytes
    }

    /// What a publication did.
    public struct Result: Sendable {
        /// The plan it followed.
        public var plan: PublishPlan
        /// Files sent by kind of the plan (only those whose bytes differed on the host).
        public var sent: [(kind: PublishPlan.Kind, count: Int)]
        /// What the mirroring pass found different on the host and deleted.
        public var mirror: MirrorCount

        /// Every path uploaded or deleted on the host (what a CDN must forget).
        public var touched: [String] { Array(Set(plan.uploads + mirror.uploaded + mirror.deleted + plan.removed)).sorted() }
        /// Files uploaded in all.
        public var uploadedCount: Int { sent.reduce(0) { $0 + $1.count } + mirror.uploaded.count }
    }

    /// Publishes, or throws naming what failed; the host then holds a mix of the old and the
    /// new site in which every link still resolves (deletions come last).
    public func publish(now: Date = Date()) throws -> Result {
        let lock = try OutputLock(paths.lock, folder: out, inheritable: true)
        defer { withExtendedLifetime(lock) {} }
        guard let local = DeployManifest.load(paths.manifest) else {
            throw PublishError(Message("publish_no_manifest", ["path": paths.manifest.path]))
        }
        let plan = PublishPlan(local: local, host: DeployManifest.load(paths.hostManifest))
        let listFile = paths.lock.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).publish-list")
        var sent: [(PublishPlan.Kind, Int)] = []
        for batch in plan.batches {
            sent.append((batch.kind, try transport.upload(batch.paths, from: out, listFile: listFile)))
        }
        let mirror = try transport.mirror(out, compareBytes: compareBytes)
        let result = Result(plan: plan, sent: sent.map { (kind: $0.0, count: $0.1) }, mirror: mirror)
        try record(result, local: local, now: now)
        return result
    }

    /// Writes the host's manifest (a copy of the site's), the publication's list of touched
    /// paths, and adds the deleted paths to the removal ledger; each file in one rename.
    func record(_ result: Result, local: DeployManifest, now: Date) throws {
        try StateFile.replace(paths.hostManifest, with: try Data(contentsOf: paths.manifest))
        let uploaded = Array(Set(result.plan.uploads + result.mirror.uploaded)).sorted()
        let deleted = Array(Set(result.plan.removed + result.mirror.deleted)).sorted()
        try StateFile.replace(paths.publication, with: try StateFile.json(["uploaded": uploaded, "deleted": deleted]))
        var ledger = RemovalLedger.read(paths.removals)
        ledger.record(removed: deleted.filter { local.files[$0] == nil }, present: [], at: now)
        try StateFile.replace(paths.removals, with: try ledger.encoded())
    }

    /// Paths a publication uploaded, read back for `gongshi verify`; empty when there is none.
    public static func lastUploaded(_ paths: StagedOutput.StatePaths) -> [String] {
        guard let data = try? Data(contentsOf: paths.publication),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String]] else { return [] }
        return object["uploaded"] ?? []
    }
}
