import Foundation
import Messages

/// An S3-compatible object store (or any other rclone backend) through Debian's `rclone`.
///
/// Why rclone rather than awscli or s3cmd: one Debian package, no Python, and both the steps a
/// publication needs exist as such: `copy --files-from-raw` sends a list, `sync` mirrors and
/// deletes only after everything was sent. With `--checksum` rclone compares the store's MD5
/// (its listing's ETag) with the file's, so a mirroring pass lists the bucket instead of asking
/// for each object's time. Each object is replaced whole by one PUT.
public struct RcloneTransport: PublishTransport {
    /// rclone's `REMOTE:BUCKET/PATH`.
    public var remote: String
    /// rclone's configuration file (default: rclone's own).
    public var configFile: String?
    /// Upload limit in KiB/s.
    public var bandwidthLimit: Int?
    /// The rclone program.
    public var executable: String

    public var destination: String { "rclone:" + remote }

    /// A transport to `remote`.
    public init(remote: String, configFile: String? = nil, bandwidthLimit: Int? = nil, executable: String = "/usr/bin/rclone") {
        self.remote = remote.hasSuffix("/") ? String(remote.dropLast()) : remote
        self.configFile = configFile
        self.bandwidthLimit = bandwidthLimit
        self.executable = executable
    }

    /// The arguments every run shares; rclone's log of what it did goes to `log`.
    func common(log: URL) -> [String] {
        var arguments = [executable, "--checksum", "--log-level=INFO", "--log-file=\(log.path)", "--stats=0",
                         "--retries=1", "--low-level-retries=3", "--contimeout=20s", "--timeout=120s"]
        if let configFile { arguments.append("--config=\(configFile)") }
        if let bandwidthLimit { arguments.append("--bwlimit=\(bandwidthLimit)k") }
        return arguments
    }

    /// The command that sends `listFile`'s paths (one per line).
    func uploadArguments(root: URL, listFile: URL, log: URL) -> [String] {
        [executable, "copy"] + common(log: log).dropFirst() + ["--files-from-raw=\(listFile.path)", "--no-traverse", root.path, remote]
    }

    /// The command that mirrors `root`, deleting after sending.
    func mirrorArguments(root: URL, log: URL) -> [String] {
        [executable, "sync"] + common(log: log).dropFirst() + ["--delete-after", root.path, remote]
    }

    public func upload(_ paths: [String], from root: URL, listFile: URL) throws -> Int {
        guard !paths.isEmpty else { return 0 }
        try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: listFile)
        defer { try? FileManager.default.removeItem(at: listFile) }
        return try run { uploadArguments(root: root, listFile: listFile, log: $0) }.uploaded.count
    }

    public func mirror(_ root: URL, compareBytes: Bool) throws -> MirrorCount {
        try run { mirrorArguments(root: root, log: $0) }
    }

    /// Runs the command `make(log)` builds, and reads what it did from its log.
    private func run(_ make: (URL) -> [String]) throws -> MirrorCount {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-rclone-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        do {
            _ = try ChildCommand(arguments: make(log)).run()
        } catch let error as PublishError {
            let tail = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(whereSeparator: \.isNewline)
                .filter { $0.contains("ERROR") || $0.contains("CRITICAL") || $0.contains("Failed") }.suffix(6).joined(separator: "\n  ")
            var error = error
            if !tail.isEmpty { error.message.arguments["tail", default: ""] += "\n  " + tail }
            throw error
        }
        return Self.parse(((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(whereSeparator: \.isNewline).map(String.init))
    }

    /// The files sent and deleted, from rclone's INFO lines (`… INFO  : a/b.html: Copied (new)`,
    /// `… INFO  : a/b.html: Deleted`).
    static func parse(_ lines: [String]) -> MirrorCount {
        var count = MirrorCount()
        for line in lines {
            guard let start = line.range(of: "INFO  : ")?.upperBound else { continue }
            let rest = line[start...]
            if let end = rest.range(of: ": Copied (")?.lowerBound {
                count.uploaded.append(String(rest[..<end]))
            } else if let end = rest.range(of: ": Deleted", options: .backwards)?.lowerBound, rest.hasSuffix(": Deleted") {
                count.deleted.append(String(rest[..<end]))
            }
        }
        return count
    }
}
