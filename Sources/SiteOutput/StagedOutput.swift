import CAtomicRename
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Builds a new output folder beside the published one and replaces it in one step.
///
/// The new site is written to `.NAME.gongshi-staging` next to `NAME`; ``commit()`` swaps the
/// two folders with `renameat2(RENAME_EXCHANGE)`, so a reader of `NAME` sees the old site or
/// the new one, never a mix, and then deletes the old one. A build that fails or is killed
/// leaves `NAME` untouched. A lock file (`.NAME.gongshi.lock`, `flock`) keeps two builds of
/// the same folder from running at once.
public final class StagedOutput: @unchecked Sendable {
    /// The published folder (`--out`).
    public let destination: URL
    /// Where the new site is written.
    public let staging: URL
    /// Where the site before the last swap is kept until the next build, so that a reader
    /// that opened it never sees it deleted under it.
    public let previous: URL
    /// `NAME.manifest.json` next to the destination: every published file's SHA-256 and size.
    public let manifestURL: URL
    /// `NAME.changes.json` next to the destination: what the last build added, changed, removed.
    public let changesURL: URL
    private let lockDescriptor: Int32
    private var finished = false

    /// Takes the lock and prepares an empty staging folder.
    public init(destination path: String) throws {
        let destination = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        guard !name.isEmpty, name != "/", name != ".", name != ".." else {
            throw OutputError("\(path): not a usable output folder")
        }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let lockPath = parent.appendingPathComponent(".\(name).gongshi.lock").path
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("\(lockPath): cannot create the lock file") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw OutputError("\(destination.path): another gongshi build of this folder is running")
        }
        self.destination = destination
        self.lockDescriptor = descriptor
        self.staging = parent.appendingPathComponent(".\(name).gongshi-staging", isDirectory: true)
        self.previous = parent.appendingPathComponent(".\(name).gongshi-previous", isDirectory: true)
        self.manifestURL = parent.appendingPathComponent("\(name).manifest.json")
        self.changesURL = parent.appendingPathComponent("\(name).changes.json")
        if FileManager.default.fileExists(atPath: staging.path) {
            try FileManager.default.removeItem(at: staging)  // left by a failed or killed build
        }
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: staging) }
        flock(lockDescriptor, LOCK_UN)
        close(lockDescriptor)
    }

    /// Writes `data` at `relativePath` inside the staging folder. Safe to call from many
    /// threads for different paths. Files are written with plain `open`/`write`/`close` (no
    /// per-file fsync: the swap, not the data, is what must be atomic; a crash before it
    /// leaves the published site as it was).
    public func write(_ relativePath: String, _ data: Data) throws {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !components.isEmpty,
              !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw OutputError("refusing to write outside the output folder: \(relativePath)")
        }
        var folder = ""
        for component in components.dropLast() {
            folder += folder.isEmpty ? String(component) : "/" + component
            try makeFolder(folder)
        }
        let entry = DeployManifest.Entry(sha256: DeployManifest.sha256(data), size: data.count)
        foldersLock.lock()
        written[relativePath] = entry
        foldersLock.unlock()
        let path = staging.path + "/" + relativePath
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("\(path): cannot be written (errno \(errno))") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError("\(path): cannot be written (errno \(errno))")
                }
                offset += written
            }
        }
    }

    private let foldersLock = NSLock()
    private var madeFolders = Set<String>()
    private var written: [String: DeployManifest.Entry] = [:]

    /// Creates a folder of the staging tree once.
    private func makeFolder(_ relative: String) throws {
        foldersLock.lock()
        let known = madeFolders.contains(relative)
        foldersLock.unlock()
        if known { return }
        let path = staging.path + "/" + relative
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw OutputError("\(path): cannot create the folder (errno \(errno))")
        }
        foldersLock.lock()
        madeFolders.insert(relative)
        foldersLock.unlock()
    }

    /// Writes UTF-8 text.
    public func write(_ relativePath: String, text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    /// Publishes the staging folder as the destination in one step.
    ///
    /// Files whose bytes are the same as the published ones (same SHA-256 and size in the
    /// previous manifest, or the same bytes when there is none) keep the published copy, hard
    /// linked into the new folder, so their modification times do not change. When nothing
    /// changed at all, the destination is left untouched. Otherwise the folders are swapped,
    /// the old site is kept as `.NAME.gongshi-previous` until the next build, and the
    /// manifest and the list of changes are written next to the destination.
    @discardableResult
    public func commit() throws -> CommitResult {
        precondition(!finished, "commit called twice")
        let manager = FileManager.default
        let manifest = DeployManifest(files: written)
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw OutputError("\(destination.path) exists and is not a folder") }
        let result = exists ? try keepUnchangedFiles(previousManifest: DeployManifest.load(manifestURL))
            : CommitResult(added: written.keys.sorted(), changed: [], removed: [], unchanged: 0)
        if exists && result.isUnchanged {
            discard()
            try writeRecords(manifest, result)
            return result
        }
        if exists {
            if manager.fileExists(atPath: previous.path) { try manager.removeItem(at: previous) }
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
        try writeRecords(manifest, result)
        return result
    }

    /// Writes the manifest and the list of changes next to the destination, each in one step.
    private func writeRecords(_ manifest: DeployManifest, _ result: CommitResult) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let changes = try encoder.encode(["added": result.added, "changed": result.changed, "removed": result.removed])
        for (url, data) in [(manifestURL, try manifest.encoded()), (changesURL, changes + Data("\n".utf8))] {
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw OutputError("\(url.path): cannot be written (errno \(errno))") }
        }
    }

    /// Replaces each staged file that equals its published twin with a hard link to the twin.
    private func keepUnchangedFiles(previousManifest: DeployManifest?) throws -> CommitResult {
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
            let same: Bool
            if let previous = previousManifest?.files[path],
               let size = (try? FileManager.default.attributesOfItem(atPath: publishedURL.path)[.size]) as? NSNumber {
                // The manifest stands for the published bytes; the size guards against a copy
                // edited by hand since (delete the manifest to force a byte comparison).
                same = previous == written[path] && size.intValue == previous.size
            } else {
                same = try Self.sameBytes(stagedURL, publishedURL)
            }
            guard same else {
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
        guard !finished else { return }
        try? FileManager.default.removeItem(at: staging)
        finished = true
    }
}
