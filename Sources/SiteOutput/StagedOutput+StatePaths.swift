import Foundation
import Messages

extension StagedOutput {
    /// Where a build's state files are, for a destination and an optional state folder.
    public struct StatePaths: Sendable {
        /// The lock file.
        public var lock: URL
        /// The folder the new site is written to.
        public var staging: URL
        /// The site before the last swap, kept for the next build to recycle.
        public var previous: URL
        /// The published site's manifest, and the list of changes of the last publication.
        public var manifest: URL
        public var changes: URL
        /// The previous site's manifest.
        public var previousManifest: URL
        /// Every path removed in the last ``RemovalLedger/keptDays`` days, with the time it
        /// was removed: what `gongshi verify` checks is gone from the web host.
        public var removals: URL
        /// The manifest of what the web host holds, as the last `gongshi publish` that
        /// finished confirmed it; absent before the first.
        public var hostManifest: URL
        /// What the last publication uploaded and deleted (`gongshi verify` checks those).
        public var publication: URL
        /// The snapshot of the last build that published, and the one before it (hard links,
        /// for `gongshi rollback`).
        public var snapshot: URL
        public var previousSnapshot: URL
        /// The snapshot a `gongshi rollback` turned away: a build refuses the same bytes.
        public var rejectedSnapshot: URL
    }

    /// The state files of `destination`: hidden siblings (`.NAME.gongshi-staging`…), or
    /// `NAME.staging`… inside `state`, which must be outside the destination and on its
    /// file system.
    public static func statePaths(destination: URL, state: String?) throws -> StatePaths {
        let name = destination.lastPathComponent
        guard let state else {
            let parent = destination.deletingLastPathComponent()
            return StatePaths(
                lock: parent.appendingPathComponent(".\(name).gongshi.lock"),
                staging: parent.appendingPathComponent(".\(name).gongshi-staging", isDirectory: true),
                previous: parent.appendingPathComponent(".\(name).gongshi-previous", isDirectory: true),
                manifest: parent.appendingPathComponent("\(name).manifest.json"),
                changes: parent.appendingPathComponent("\(name).changes.json"),
                previousManifest: parent.appendingPathComponent(".\(name).gongshi-previous.manifest.json"),
                removals: parent.appendingPathComponent("\(name).removed.json"),
                hostManifest: parent.appendingPathComponent(".\(name).gongshi-host.manifest.json"),
                publication: parent.appendingPathComponent(".\(name).gongshi-publication.json"),
                snapshot: parent.appendingPathComponent(".\(name).gongshi-snapshot.sqlite"),
                previousSnapshot: parent.appendingPathComponent(".\(name).gongshi-previous-snapshot.sqlite"),
                rejectedSnapshot: parent.appendingPathComponent(".\(name).gongshi-rejected-snapshot.sqlite"))
        }
        let folder = URL(fileURLWithPath: state, isDirectory: true).standardizedFileURL
        if folder.path == destination.path || folder.path.hasPrefix(destination.path + "/") {
            throw OutputError(Message("state_inside_output", ["state": state, "out": destination.path]))
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var stateInfo = stat(), parentInfo = stat()
        if stat(folder.path, &stateInfo) == 0, stat(destination.deletingLastPathComponent().path, &parentInfo) == 0,
           stateInfo.st_dev != parentInfo.st_dev {
            throw OutputError(Message("state_other_filesystem", ["state": state, "out": destination.path]))
        }
        return StatePaths(
            lock: folder.appendingPathComponent("\(name).lock"),
            staging: folder.appendingPathComponent("\(name).staging", isDirectory: true),
            previous: folder.appendingPathComponent("\(name).previous", isDirectory: true),
            manifest: folder.appendingPathComponent("\(name).manifest.json"),
            changes: folder.appendingPathComponent("\(name).changes.json"),
            previousManifest: folder.appendingPathComponent("\(name).previous.manifest.json"),
            removals: folder.appendingPathComponent("\(name).removed.json"),
            hostManifest: folder.appendingPathComponent("\(name).host.manifest.json"),
            publication: folder.appendingPathComponent("\(name).publication.json"),
            snapshot: folder.appendingPathComponent("\(name).snapshot.sqlite"),
            previousSnapshot: folder.appendingPathComponent("\(name).previous.snapshot.sqlite"),
            rejectedSnapshot: folder.appendingPathComponent("\(name).rejected.snapshot.sqlite"))
    }
}
