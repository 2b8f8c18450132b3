import Foundation
import Messages

extension StagedOutput {
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
}
