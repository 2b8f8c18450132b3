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
    private let removalsURL: URL
    /// `.NAME.gongshi-previous.manifest.json`: the manifest of the kept previous site.
    let previousManifestURL: URL
    /// The manifest of the published site, when it has a readable one.
    public let publishedManifest: DeployManifest?
    /// The SHA-256 of the published manifest's bytes, naming the published site.
    public let publishedManifestID: [UInt8]?
    /// The published manifest's bytes.
    /// Whether the staging folder started as the previous site (files from it are reused).
    public let isRecycled: Bool
    /// Held until the build ends (released with this object).
    private let lock: OutputLock
    private var finished = false
    /// Files of the recycled staging folder, as its manifest describes them.
    private var recycled: [String: DeployManifest.Entry]

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

    deinit {
        dropManifestDraft()
        if !finished { try? FileManager.default.removeItem(at: staging) }
        releaseInBackground(written, recycled, madeFolders, publishedManifest)
    }

    /// Writes `data` at `relativePath` inside the staging folder. Safe to call from many
    /// threads for different paths.
    ///
    /// Bytes equal to the published file's become a hard link to it; bytes equal to the
    /// recycled staging file's (which is then the published inode too) are left alone; other
    /// bytes go to a new file with plain `open`/`write`/`close` (no per-file fsync: the swap,
    /// not the data, is what must be atomic; a crash before it leaves the published site as
    /// it was). A file is never written in place, since it may share its inode with the site.
    @discardableResult
    public func write(_ relativePath: String, _ data: Data) throws -> DeployManifest.Entry {
        try checkInside(relativePath)
        let entry = DeployManifest.Entry(sha256: DeployManifest.sha256(data), size: data.count)
        let published = publishedManifest?.files[relativePath]
        // Bytes already published were inspected when they were first written (and the
        // audit reads the whole site); only new bytes are.
        if published != entry { try inspect?(relativePath, data) }
        foldersLock.lock()
        written[relativePath] = entry
        let old = recycled[relativePath]
        foldersLock.unlock()
        if old == entry && published == entry { return entry }
        let path = staging.path + "/" + relativePath
        try clearSlot(relativePath, recycled: old != nil)
        if published == entry {
            if try linkPublished(relativePath, size: entry.size) { return entry }
            // The published copy is not what its manifest says: write it, and count it changed.
            foldersLock.lock()
            rewritten.insert(relativePath)
            foldersLock.unlock()
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.notWritten(path, errno: errno) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.notWritten(path, errno: errno)
                }
                offset += written
            }
        }
        return entry
    }

    /// Whether ``keep(_:entry:)`` can publish `relativePath` with these bytes without having
    /// them: the published site has that file with that SHA-256 and size.
    public func canKeep(_ relativePath: String, entry: DeployManifest.Entry) -> Bool {
        publishedManifest?.files[relativePath] == entry
    }

    /// Publishes the published copy of `relativePath` again, unchanged, without its bytes
    /// (a page whose inputs did not change since the published build).
    /// - Returns: false, having staged nothing, when the published site does not have the
    ///   file as its manifest says (missing, or another size: edited by hand); the caller
    ///   then writes the file.
    public func keep(_ relativePath: String, entry: DeployManifest.Entry) throws -> Bool {
        try checkInside(relativePath)
        guard canKeep(relativePath, entry: entry) else { return false }
        foldersLock.lock()
        let old = recycled[relativePath]
        foldersLock.unlock()
        if old != entry {
            try clearSlot(relativePath, recycled: old != nil)
            guard try linkPublished(relativePath, size: entry.size) else { return false }
        }
        foldersLock.lock()
        written[relativePath] = entry
        foldersLock.unlock()
        return true
    }

    /// Hard-links the published copy into the staging folder when its size is `size`.
    private func linkPublished(_ relativePath: String, size: Int) throws -> Bool {
        let source = destination.path + "/" + relativePath
        var status = stat()
        guard stat(source, &status) == 0, Int(status.st_size) == size else { return false }
        return link(source, staging.path + "/" + relativePath) == 0
    }

    private func checkInside(_ relativePath: String) throws {
        guard Self.isInside(relativePath) else {
            throw OutputError("refusing to write outside the output folder: \(relativePath)")
        }
    }

    /// Whether `relativePath` names a file inside the folder: no empty, `.` or `..`
    /// component (so no leading `/` either), read byte by byte.
    static func isInside(_ relativePath: String) -> Bool {
        var length = 0
        var dots = 0
        func isPlain() -> Bool { length > 0 && !(dots == length && length <= 2) }
        for byte in relativePath.utf8 {
            if byte == UInt8(ascii: "/") {
                guard isPlain() else { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return isPlain()
    }

    /// Makes room for a new file at `relativePath`: removes the recycled folder's file there,
    /// or creates the folders it goes in.
    private func clearSlot(_ relativePath: String, recycled: Bool) throws {
        if recycled {
            unlink(staging.path + "/" + relativePath)
        } else {
            // The folders around are made once and remembered; the file's own folder is made
            // without being remembered: it is most often a page's, which no other file shares,
            // and remembering a national site's 600,000 of them took 50 MB. A shared one
            // (`search/h/`) costs one `mkdir` per file instead.
            let folders = Self.folders(containing: relativePath)
            for folder in folders.dropLast() { try makeFolder(folder) }
            if let own = folders.last { try makeFolder(own, remember: false) }
        }
    }

    /// The paths of the files written or kept so far that `include` accepts, in no order.
    public func writtenPaths(where include: (String) -> Bool) -> [String] {
        foldersLock.lock()
        defer { foldersLock.unlock() }
        return written.keys.filter(include)
    }

    /// The folders a relative path lies in, outermost first (`a/b/c.html` → `a`, `a/b`).
    static func folders(containing relativePath: String) -> [String] {
        var folders: [String] = []
        var index = relativePath.startIndex
        while let slash = relativePath[index...].firstIndex(of: "/") {
            folders.append(String(relativePath[..<slash]))
            index = relativePath.index(after: slash)
        }
        return folders
    }

    private let foldersLock = NSLock()
    private var madeFolders = Set<String>()
    private var written: [String: DeployManifest.Entry] = [:]
    /// Files the manifest calls unchanged whose published copy was not what it says.
    private var rewritten = Set<String>()

    /// Creates a folder of the staging tree unless it is there; one made with `remember` is
    /// known from then on without asking the file system.
    private func makeFolder(_ relative: String, remember: Bool = true) throws {
        if remember {
            foldersLock.lock()
            let known = madeFolders.contains(relative)
            foldersLock.unlock()
            if known { return }
        }
        let path = staging.path + "/" + relative
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw OutputError.notWritten(path, errno: errno)
        }
        guard remember else { return }
        foldersLock.lock()
        madeFolders.insert(relative)
        foldersLock.unlock()
    }

    /// Writes UTF-8 text.
    @discardableResult
    public func write(_ relativePath: String, text: String) throws -> DeployManifest.Entry {
        try write(relativePath, Data(text.utf8))
    }

    /// Publishes the staging folder as the destination in one step.
    ///
    /// Files whose bytes are the same as the published ones keep the published copy (see
    /// ``write(_:_:)``). When nothing changed at all, the destination is left untouched.
    /// Otherwise the folders are swapped, the old site is kept as `.NAME.gongshi-previous`
    /// until the next build, and the manifest and the list of changes are written next to
    /// the destination.
    @discardableResult
    public func commit() throws -> CommitResult {
        let result = try prepareCommit()
        try publish(result)
        return result
    }

    /// The first half of ``commit()``: removes the recycled folder's leftovers and works out
    /// what the commit will add, change and remove, without touching the published site (so
    /// that a report can be written while ``publish(_:)`` runs).
    public func prepareCommit() throws -> CommitResult {
        precondition(!finished && prepared == nil, "commit prepared twice")
        // Every file is staged by now: the manifest is drafted on the other core meanwhile.
        let manifest = DeployManifest(files: written)
        let draftURL = manifestURL.deletingLastPathComponent().appendingPathComponent(".\(manifestURL.lastPathComponent).tmp")
        manifestDraft = BackgroundValue { try Self.writeDraft(of: manifest, at: draftURL) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw OutputError(Message("output_not_folder", ["path": destination.path])) }
        if isRecycled { removeLeftovers() }
        let result: CommitResult
        if !exists {
            result = CommitResult(added: written.keys.sorted(), changed: [], removed: [], unchanged: 0)
        } else if let old = publishedManifest {
            result = classify(against: old)
        } else {
            result = try keepUnchangedFiles()
        }
        prepared = (result, exists)
        return result
    }

    /// What ``prepareCommit()`` found, and whether the destination existed.
    private var prepared: (result: CommitResult, exists: Bool)?

    /// The second half of ``commit()``: publishes the staging folder as `prepareCommit()`
    /// described it.
    public func publish(_ result: CommitResult) throws {
        precondition(!finished, "commit called twice")
        guard let prepared else { preconditionFailure("publish before prepareCommit") }
        let manager = FileManager.default
        let exists = prepared.exists
        if exists && result.isUnchanged {
            // Every staged file is a link to the published one: keep the folder as the
            // previous site, for the next build to recycle.
            if manager.fileExists(atPath: previous.path) { try manager.removeItem(at: previous) }
            guard rename(staging.path, previous.path) == 0 else {
                throw OutputError("\(previous.path): cannot keep the staging folder (errno \(errno))")
            }
            finished = true
            try writeRecords(result, unchanged: publishedManifest != nil, keepAsPrevious: true)
            return
        }
        if exists {
            if manager.fileExists(atPath: previous.path) { try manager.removeItem(at: previous) }
            // The published manifest becomes the previous site's; from here until the new one
            // is written there is none, so that a crash never leaves a manifest that
            // describes the other folder.
            if publishedManifest == nil || rename(manifestURL.path, previousManifestURL.path) != 0 {
                unlink(manifestURL.path)
                unlink(previousManifestURL.path)
            }
            if gongshi_exchange_paths(staging.path, destination.path) != 0 {
                throw OutputError("\(destination.path): cannot swap in the new site (errno \(errno))")
            }
            finished = true
            guard rename(staging.path, previous.path) == 0 else {
                throw OutputError("\(previous.path): cannot keep the previous site (errno \(errno))")
            }
        } else {
            guard rename(staging.path, destination.path) == 0 else {
                throw OutputError("\(destination.path): cannot move the new site into place (errno \(errno))")
            }
            finished = true
        }
        try writeRecords(result, unchanged: false, keepAsPrevious: false)
    }

    /// The SHA-256 of the manifest the last ``commit()`` wrote (names the published site).
    public private(set) var committedManifestID: [UInt8]?

    /// The new manifest, written to its temporary file on another thread while
    /// ``prepareCommit()`` works out the changes (nil before, and once used).
    private var manifestDraft: BackgroundValue<(URL, [UInt8])>?

    /// Streams `manifest` to `temporary`, hashing it as it goes.
    /// - Returns: the file and the manifest's SHA-256.
    private static func writeDraft(of manifest: DeployManifest, at temporary: URL) throws -> (URL, [UInt8]) {
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw OutputError(Message("path_not_written", ["path": temporary.path, "cause": "write"]))
        }
        let handle = try FileHandle(forWritingTo: temporary)
        var hasher = SHA256()
        do {
            try manifest.write { chunk in
                hasher.update(data: chunk)
                try handle.write(contentsOf: chunk)
            }
            try handle.close()
        } catch {
            try? handle.close()
            unlink(temporary.path)
            throw error
        }
        return (temporary, Array(hasher.finalize()))
    }

    /// Writes the manifest (unless `unchanged`: the published one stands; else the draft
    /// ``prepareCommit()`` started) and the list of changes next to the destination, each in one step;
    /// with `keepAsPrevious`, the manifest also describes the previous site (a hard link:
    /// these files are only ever replaced by rename, never changed in place).
    private func writeRecords(_ result: CommitResult, unchanged: Bool, keepAsPrevious: Bool) throws {
        if unchanged, let publishedManifestID {
            dropManifestDraft()
            committedManifestID = publishedManifestID
        } else {
            guard let draft = manifestDraft else { preconditionFailure("the manifest is drafted by prepareCommit") }
            manifestDraft = nil
            let (staged, id) = try draft.take()
            try StateFile.put(staged, at: manifestURL)
            committedManifestID = id
        }
        if keepAsPrevious {
            let staged = StateFile.temporary(for: previousManifestURL)
            unlink(staged.path)
            guard link(manifestURL.path, staged.path) == 0 else {
                throw OutputError.notWritten(previousManifestURL.path, errno: errno)
            }
            try StateFile.put(staged, at: previousManifestURL)
        }
        try StateFile.replace(changesURL, with: StateFile.json(["added": result.added, "changed": result.changed, "removed": result.removed]))
        if !unchanged || !FileManager.default.fileExists(atPath: removalsURL.path) {
            var ledger = RemovalLedger.read(removalsURL)
            ledger.record(removed: result.removed, present: written.keys, at: Date())
            try StateFile.replace(removalsURL, with: ledger.encoded())
        }
    }

    /// Removes the recycled folder's files that the new site does not have, and the folders
    /// left empty.
    private func removeLeftovers() {
        var folders = Set<String>()
        for path in recycled.keys where written[path] == nil {
            unlink(staging.path + "/" + path)
            folders.formUnion(Self.folders(containing: path))
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(staging.path + "/" + folder)  // fails, as it should, when the folder is not empty
        }
    }

    /// Added, changed and removed files against the published manifest.
    private func classify(against old: DeployManifest) -> CommitResult {
        var added: [String] = []
        var changed: [String] = []
        var unchanged = 0
        for (path, entry) in written {
            switch old.files[path] {
            case nil: added.append(path)
            case entry? where !rewritten.contains(path): unchanged += 1
            default: changed.append(path)
            }
        }
        let removed = old.files.keys.filter { written[$0] == nil }
        return CommitResult(added: added.sorted(), changed: changed.sorted(), removed: removed.sorted(), unchanged: unchanged)
    }

    /// Without a manifest: compares each staged file with its published twin byte by byte
    /// and replaces it with a hard link to the twin when they are equal.
    private func keepUnchangedFiles() throws -> CommitResult {
        let old = Set(try Self.files(in: destination))
        var added: [String] = []
        var changed: [String] = []
        var unchanged = 0
        for path in written.keys.sorted() {
            guard old.contains(path) else {
                added.append(path)
                continue
            }
            let stagedURL = staging.appendingPathComponent(path)
            let publishedURL = destination.appendingPathComponent(path)
            guard try Self.sameBytes(stagedURL, publishedURL) else {
                changed.append(path)
                continue
            }
            unchanged += 1
            let linkURL = stagedURL.deletingLastPathComponent().appendingPathComponent(".gongshi-link-\(stagedURL.lastPathComponent)")
            if link(publishedURL.path, linkURL.path) == 0, rename(linkURL.path, stagedURL.path) == 0 {
                continue
            }
            unlink(linkURL.path)
            // Another file system or no hard links: keep at least the modification time.
            if let date = try? FileManager.default.attributesOfItem(atPath: publishedURL.path)[.modificationDate] {
                try? FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: stagedURL.path)
            }
        }
        let removed = old.subtracting(written.keys).sorted()
        return CommitResult(added: added, changed: changed, removed: removed, unchanged: unchanged)
    }

    /// Relative paths of the regular files under `root`.
    static func files(in root: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { result.append(relative) }
        }
        return result
    }

    static func sameBytes(_ a: URL, _ b: URL) throws -> Bool {
        let manager = FileManager.default
        let sizeA = (try manager.attributesOfItem(atPath: a.path)[.size] as? NSNumber)?.intValue
        let sizeB = (try manager.attributesOfItem(atPath: b.path)[.size] as? NSNumber)?.intValue
        guard sizeA == sizeB else { return false }
        return try Data(contentsOf: a) == Data(contentsOf: b)
    }

    /// Drops the staging folder; the destination stays as it was.
    public func discard() {
        dropManifestDraft()
        guard !finished else { return }
        try? FileManager.default.removeItem(at: staging)
        finished = true
    }

    /// Waits for an unused manifest draft and removes its file.
    private func dropManifestDraft() {
        if let (url, _) = try? manifestDraft?.take() { unlink(url.path) }
        manifestDraft = nil
    }
}
