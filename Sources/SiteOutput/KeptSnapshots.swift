import Crypto
import Foundation
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
        let temporary = paths.snapshot.deletingLastPathComponent().appendingPathComponent(".\(paths.snapshot.lastPathComponent).tmp")
        let digest = try copy(snapshot, to: temporary)
        if digest == recordedDigest(of: paths.snapshot) {
            unlink(temporary.path)
            return
        }
        if FileManager.default.fileExists(atPath: paths.snapshot.path) {
            try move(paths.snapshot, to: paths.previousSnapshot)
            try move(digestFile(of: paths.snapshot), to: digestFile(of: paths.previousSnapshot))
        }
        try Data((digest.hex + "\n").utf8).write(to: digestFile(of: paths.snapshot))
        try move(temporary, to: paths.snapshot)
    }

    /// After a rollback built from the previous snapshot: the last one is set aside as
    /// rejected (a build refuses the same bytes again), the previous one becomes the last.
    public static func reject(_ paths: StagedOutput.StatePaths) throws {
        try move(paths.snapshot, to: paths.rejectedSnapshot)
        try move(digestFile(of: paths.snapshot), to: digestFile(of: paths.rejectedSnapshot))
        try move(paths.previousSnapshot, to: paths.snapshot)
        try move(digestFile(of: paths.previousSnapshot), to: digestFile(of: paths.snapshot))
    }

    /// Whether `snapshot` has the bytes of the one a rollback turned away.
    public static func isRejected(_ snapshot: String, paths: StagedOutput.StatePaths) throws -> Bool {
        guard let rejected = recordedDigest(of: paths.rejectedSnapshot) else { return false }
        return try digest(of: snapshot) == rejected
    }

    /// The SHA-256 of a file, read in pieces.
    static func digest(of path: String) throws -> FileDigest {
        guard let input = FileHandle(forReadingAtPath: path) else { throw OutputError("\(path): cannot be read") }
        defer { try? input.close() }
        var hasher = SHA256()
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
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

    static func move(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else { throw OutputError("\(to.path): cannot be written (errno \(errno))") }
    }

    /// Copies `source` to `target`, hashing it on the way.
    static func copy(_ source: String, to target: URL) throws -> FileDigest {
        guard let input = FileHandle(forReadingAtPath: source) else { throw OutputError("\(source): cannot be read") }
        defer { try? input.close() }
        guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
            throw OutputError("\(target.path): cannot be written")
        }
        let output = try FileHandle(forWritingTo: target)
        defer { try? output.close() }
        var hasher = SHA256()
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            try output.write(contentsOf: chunk)
        }
        return FileDigest(hasher.finalize())
    }
}
