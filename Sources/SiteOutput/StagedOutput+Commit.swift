import CAtomicRename
import Crypto
import Foundation
import Messages
#if canImport(Glibc)
import Glibc
#endif

extension StagedOutput {
    /// Publishes the staging folder as the destination in one step.
    ///
    /// Files whose bytes are the same as the published ones keep the published copy (see
    /// ``write(_:_:)``). When nothing changed at all, the destination is left untouched.
    /// Otherwise the folders are swapped, the old site is kept as `.NAME.gongshi-previous`
    /// until the next build, and the manifest and the list of changes are written next to
    /// the destination.
    @discardableResult
    public func commit() throws -> CommitResult {
        let draft = try draftManifest(stagedManifest())
        let result: CommitResult
        do {
            result = try prepareCommit()
        } catch {
            draft.remove()
            throw error
        }
        try publish(result, manifest: draft)
        return result
    }

    /// The manifest of the files staged so far: once every file is, ``draftManifest(_:)``
    /// writes it (on any thread) while ``prepareCommit()`` works out the changes.
    public func stagedManifest() -> DeployManifest {
        DeployManifest(files: written)
    }

    /// Writes `manifest` to its temporary file beside the published one, for ``publish(_:manifest:)``.
    public func draftManifest(_ manifest: DeployManifest) throws -> ManifestDraft {
        let draftURL = manifestURL.deletingLastPathComponent().appendingPathComponent(".\(manifestURL.lastPathComponent).tmp")
        return try Self.writeDraft(of: manifest, at: draftURL)
    }

    /// The first half of ``commit()``: removes the recycled folder's leftovers and works out
    /// what the commit will add, change and remove, without touching the published site (so
    /// that a report can be written while ``publish(_:)`` runs).
    public func prepareCommit() throws -> CommitResult {
        precondition(!finished && prepared == nil, "commit prepared twice")
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

    /// The second half of ``commit()``: publishes the staging folder as `prepareCommit()`
    /// described it, with the manifest `draft` (whose file is put in place, or removed).
    public func publish(_ result: CommitResult, manifest draft: ManifestDraft) throws {
        defer { draft.remove() }  // a draft put in place is gone from its temporary path already
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
            try writeRecords(result, draft: draft, unchanged: publishedManifest != nil, keepAsPrevious: true)
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
        try writeRecords(result, draft: draft, unchanged: false, keepAsPrevious: false)
    }

    /// Streams `manifest` to `temporary`, hashing it as it goes.
    /// - Returns: the file and the manifest's SHA-256.
    private static func writeDraft(of manifest: DeployManifest, at temporary: URL) throws -> ManifestDraft {
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
        return ManifestDraft(url: temporary, id: Array(hasher.finalize()))
    }

    /// Writes the manifest (unless `unchanged`: the published one stands; else `draft`) and the list of changes next to the destination, each in one step;
    /// with `keepAsPrevious`, the manifest also describes the previous site (a hard link:
    /// these files are only ever replaced by rename, never changed in place).
    private func writeRecords(_ result: CommitResult, draft: ManifestDraft, unchanged: Bool, keepAsPrevious: Bool) throws {
        if unchanged, let publishedManifestID {
            committedManifestID = publishedManifestID
        } else {
            try StateFile.put(draft.url, at: manifestURL)
            committedManifestID = draft.id
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
        guard !finished else { return }
        try? FileManager.default.removeItem(at: staging)
        finished = true
    }
}
