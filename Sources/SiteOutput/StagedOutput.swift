import BackgroundWork
import CAtomicRename
import Crypto
import Foundation
import Messages
#if canImport(Glibc)
import Glibc
#endif

/// Builds a new output folder beside the published one and replaces it in one step.
///
/// The new site is written to `.NAME.gongshi-staging` next to `NAME`; ``commit()`` swaps the
/// two folders with `renameat2(RENAME_EXCHANGE)`, so a reader of `NAME` sees the old site or
/// the new one, never a mix. A build that fails or is killed leaves `NAME` untouched. A lock
/// file (`.NAME.gongshi.lock`, `flock`) keeps two builds of the same folder from running at once.
///
/// The site before a swap is kept as `.NAME.gongshi-previous`, with its manifest, until the
/// next build, which *recycles* it as its staging folder: only the files that differ from
/// it are unlinked, linked or written, instead of creating the whole tree again. Every file
/// whose bytes equal the published copy's is that copy (a hard link to the same inode), so
/// the published file's modification time never changes when its bytes do not.
public final class StagedOutput: @unchecked Sendable {
    /// The published folder (`--out`).
    public let destination: URL
    /// Where the new site is written.
    public let staging: URL
    /// Called with the path and bytes of every file before it is staged, unless the published
    /// site has those very bytes there (the build's last check for personal data); what it
    /// throws stops the write, and the build publishes nothing. Set before the first write.
    public var inspect: (@Sendable (String, Data) throws -> Void)?
    /// Where the site before the last swap is kept until the next build recycles it.
    public let previous: URL
    /// `NAME.manifest.json` next to the destination: every published file's SHA-256 and size.
    public let manifestURL: URL
    /// `NAME.changes.json` next to the destination: what the last build added, changed, removed.
    public let changesURL: URL
    /// The removal ledger (``RemovalLedger``).
    let removalsURL: URL
    /// `.NAME.gongshi-previous.manifest.json`: the manifest of the kept previous site.
    let previousManifestURL: URL
    /// The manifest of the published site, when it has a readable one.
    public let publishedManifest: DeployManifest?
    /// The SHA-256 of the published manifest's bytes, naming the published site.
    public let publishedManifestID: [UInt8]?
    /// Whether the staging folder started as the previous site (files from it are reused).
    public let isRecycled: Bool
    /// Held until the build ends (released with this object).
    private let lock: OutputLock
    var finished = false
    /// Files of the recycled staging folder, as its manifest describes them.
    var recycled: [String: DeployManifest.Entry]

    // Written as the build goes (``write(_:_:)``, ``keep(_:entry:)``).
    let foldersLock = NSLock()
    var madeFolders = Set<String>()
    var written: [String: DeployManifest.Entry] = [:]
    /// Files the manifest calls unchanged whose published copy was not what it says.
    var rewritten = Set<String>()

    /// What ``prepareCommit()`` found, and whether the destination existed.
    var prepared: (result: CommitResult, exists: Bool)?
    /// The SHA-256 of the manifest the last ``commit()`` wrote (names the published site).
    public internal(set) var committedManifestID: [UInt8]?

    /// Takes the lock and prepares the staging folder: the previous site when it and both
    /// manifests are there and `recycle` is set, otherwise an empty folder.
    ///
    /// - Parameter state: where the staging folder, the previous site, the lock and the
    ///   manifests live (`--state`); nil keeps them beside the destination, as hidden
    ///   siblings. A web server must not serve them (the previous site holds rows whose
    ///   window has closed), so a destination inside a served folder needs a state folder
    ///   outside it, on the same file system (the swap is one rename).
    public init(destination path: String, recycle: Bool = true, state statePath: String? = nil) throws {
        let destination = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        guard !name.isEmpty, name != "/", name != ".", name != ".." else {
            throw OutputError(Message("output_unusable", ["path": path]))
        }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let paths = try Self.statePaths(destination: destination, state: statePath)
        self.lock = try OutputLock(paths.lock, folder: destination)
        self.destination = destination
        self.staging = paths.staging
        self.previous = paths.previous
        self.manifestURL = paths.manifest
        self.changesURL = paths.changes
        self.previousManifestURL = paths.previousManifest
        self.removalsURL = paths.removals
        let manager = FileManager.default
        if manager.fileExists(atPath: staging.path) {
            try manager.removeItem(at: staging)  // left by a failed or killed build
        }
        var isFolder: ObjCBool = false
        let published = manager.fileExists(atPath: destination.path, isDirectory: &isFolder) && isFolder.boolValue
        let manifestData = published ? try? Data(contentsOf: manifestURL) : nil
        publishedManifest = manifestData.flatMap { try? DeployManifest.decode($0) }
        publishedManifestID = publishedManifest == nil ? nil : manifestData.map { Array(SHA256.hash(data: $0)) }

        // The previous site is used at most once: its manifest goes first, so that a build
        // killed while patching it leaves nothing that claims to describe it.
        // The previous manifest is read only when the previous site can be recycled.
        let previousManifest = recycle && publishedManifest != nil && manager.fileExists(atPath: previous.path)
            ? (try? Data(contentsOf: previousManifestURL)).flatMap { try? DeployManifest.decode($0) } : nil
        unlink(previousManifestURL.path)
        if let previousManifest, rename(previous.path, staging.path) == 0 {
            recycled = previousManifest.files
            isRecycled = true
        } else {
            recycled = [:]
            isRecycled = false
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        }
        // The new site is about the size of the published one: its table of written files
        // is not rehashed again and again as it grows (under the lock every page takes).
        written.reserveCapacity(max(recycled.count, publishedManifest?.files.count ?? 0))
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: staging) }
        releaseInBackground(written, recycled, madeFolders, publishedManifest)
    }
}
