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
    /// Files whose bytes are the same as the published ones keep the published copy (hard
    /// linked into the new folder, so their modification times do not change); when nothing
    /// changed at all the destination is left untouched and the staging folder dropped.
    @discardableResult
    public func commit() throws -> CommitResult {
        precondition(!finished, "commit called twice")
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: destination.path, isDirectory: &isDirectory) else {
            let added = try Self.files(in: staging).sorted()
            guard rename(staging.path, destination.path) == 0 else {
                throw OutputError("\(destination.path): cannot move the new site into place (errno \(errno))")
            }
            finished = true
            return CommitResult(added: added, changed: [], removed: [], unchanged: 0)
        }
        guard isDirectory.boolValue else { throw OutputError("\(destination.path) exists and is not a folder") }
        let result = try keepUnchangedFiles()
        if result.isUnchanged {
            discard()
            return result
        }
        if gongshi_exchange_paths(staging.path, destination.path) != 0 {
            throw OutputError("\(destination.path): cannot swap in the new site (errno \(errno))")
        }
        finished = true
        try? manager.removeItem(at: staging)  // now the old site
        return result
    }

    /// Replaces each staged file that equals its published twin with a hard link to the twin.
    private func keepUnchangedFiles() throws -> CommitResult {
        let old = Set(try Self.files(in: destination))
        var added: [String] = []
        var changed: [String] = []
        var unchanged = 0
        for path in try Self.files(in: staging).sorted() {
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
        let staged = Set(try Self.files(in: staging))
        let removed = old.subtracting(staged).sorted()
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
