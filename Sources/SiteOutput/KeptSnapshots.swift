import Crypto
import Foundation
import Messages
import StableDigest

/// Copies of the snapshots of the last two builds (`NAME.snapshot.sqlite` and
/// `NAME.previous.snapshot.sqlite` in the state folder, each with its SHA-256 in a `.sha256`
/// file beside it): `gongshi rollback` rebuilds from the previous one, for today, when a bad
/// export was published.
///
/// Why not put the previous *site* back: it was built for an earlier day, and a window may have
/// closed since; only a build for today can say which rows may still be shown. The previous
/// site still serves that build: its files are recycled, so the rollback writes little.
/// Copies, not hard links: a platform that rewrites its export in place would change a link.
public enum KeptSnapshots {
    /// Keeps a copy of `snapshot` as the last build's; the copy kept before becomes the
    /// previous one, unless it has the same bytes (a second build of the same export).
    public static func keep(_ snapshot: String, paths: StagedOutput.StatePaths) throws {
        let temporary = StateFile.temporary(for: paths.snapshot)
        let digest = try digest(of: snapshot, copyingTo: temporary)
        if digest == recordedDigest(of: paths.snapshot) {
            unlink(temporary.path)
            return
        }
        if FileManager.default.fileExists(atPath: paths.snapshot.path) {
            try StateFile.put(paths.snapshot, at: paths.previousSnapshot)
            try StateFile.put(digestFile(of: paths.snapshot), at: digestFile(of: paths.previousSnapshot))
        }
        try StateFile.replace(digestFile(of: paths.snapshot), with: Data((digest.hex + "\n").utf8))
        try StateFile.put(temporary, at: paths.snapshot)
    }

    /// After a rollback built from the previous snapshot: the last one is set aside as
    /// rejected (a build refuses the same bytes again), the previous one becomes the last.
    public static func reject(_ paths: StagedOutput.StatePaths) throws {
        try StateFile.put(paths.snapshot, at: paths.rejectedSnapshot)
        try StateFile.put(digestFile(of: paths.snapshot), at: digestFile(of: paths.rejectedSnapshot))
        try StateFile.put(paths.previousSnapshot, at: paths.snapshot)
        try StateFile.put(digestFile(of: paths.previousSnapshot), at: digestFile(of: paths.snapshot))
    }

    /// Whether `snapshot` has the bytes of the one a rollback turned away.
    public static func isRejected(_ snapshot: String, paths: StagedOutput.StatePaths) throws -> Bool {
        guard let rejected = recordedDigest(of: paths.rejectedSnapshot) else { return false }
        return try digest(of: snapshot) == rejected
    }

    /// The SHA-256 of a file, read in pieces; with `target`, the file is copied there on the way.
    static func digest(of path: String, copyingTo target: URL? = nil) throws -> FileDigest {
        guard let input = FileHandle(forReadingAtPath: path) else { throw OutputError(Message("path_not_read", ["path": path, "cause": "open"])) }
        defer { try? input.close() }
        var output: FileHandle?
        if let target {
            guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
                throw OutputError(Message("path_not_written", ["path": target.path, "cause": "write"]))
            }
            output = try FileHandle(forWritingTo: target)
        }
        defer { try? output?.close() }
        var hasher = SHA256()
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            try output?.write(contentsOf: chunk)
        }
        return FileDigest(hasher.finalize())
    }

    /// The previous build's snapshot, if one is kept.
    public static func previous(_ paths: StagedOutput.StatePaths) -> URL? {
        FileManager.default.fileExists(atPath: paths.previousSnapshot.path) ? paths.previousSnapshot : nil
    }

    static func digestFile(of url: URL) -> URL { url.appendingPathExtension("sha256") }

    static func recordedDigest(of url: URL) -> FileDigest? {
        guard FileManager.default.fileExists(atPath: url.path),
              let text = try? String(contentsOf: digestFile(of: url), encoding: .utf8) else { return nil }
        return FileDigest(hex: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
