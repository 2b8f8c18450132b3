import Foundation

/// rsync over SSH (Debian's `rsync` and `openssh-client`) to a folder on the web host, or to
/// a local folder (a mounted share) when the destination has no `host:`.
///
/// Files are sent with their modification times and the modes `D755,F644` (the web server
/// reads them; owners are left to the host). rsync writes each file beside its place and
/// renames it in, so a reader never gets half a file; a killed transfer leaves at most such
/// a temporary file, which the next mirroring pass deletes.
public struct RsyncTransport: PublishTransport {
    /// `USER@HOST:/FOLDER` or a local folder.
    public var destination: String
    /// The remote shell, e.g. `ssh -i /etc/gongshi/id_ed25519 -p 2222` (default: `ssh` in batch
    /// mode with a 20-second connect timeout: a host that does not answer fails the run).
    public var remoteShell: String?
    /// Upload limit in KiB/s, so that the office line stays usable (none by default).
    public var bandwidthLimit: Int?
    /// The rsync program.
    public var executable: String

    /// A transport to `destination`.
    public init(destination: String, remoteShell: String? = nil, bandwidthLimit: Int? = nil,
                executable: String = "/usr/bin/rsync") {
        self.destination = destination.hasSuffix("/") ? String(destination.dropLast()) : destination
        self.remoteShell = remoteShell
        self.bandwidthLimit = bandwidthLimit
        self.executable = executable
    }

    /// The default remote shell. No connection sharing: a persisting master connection would
    /// inherit the output folder's lock (see ``OutputLock``) and keep the next build out.
    public static let defaultShell = "ssh -o BatchMode=yes -o ConnectTimeout=20 -o ServerAliveInterval=15 -o ControlMaster=no -o ControlPath=none"

    /// The arguments every run shares.
    var common: [String] {
        var arguments = [executable, "--links", "--times", "--chmod=D755,F644", "--mkpath", "--timeout=120",
                         "--out-format=%i %n", "--rsh=\(remoteShell ?? Self.defaultShell)"]
        if let bandwidthLimit { arguments.append("--bwlimit=\(bandwidthLimit)") }
        return arguments
    }

    /// The command that sends `listFile`'s paths (NUL-separated), comparing bytes.
    func uploadArguments(root: URL, listFile: URL) -> [String] {
        common + ["--checksum", "--from0", "--files-from=\(listFile.path)", root.path + "/", destination + "/"]
    }

    /// The command that mirrors `root`, deleting after sending.
    func mirrorArguments(root: URL, compareBytes: Bool) -> [String] {
        common + ["--recursive", "--delete-after"] + (compareBytes ? ["--checksum"] : []) + [root.path + "/", destination + "/"]
    }

    public func upload(_ paths: [String], from root: URL, listFile: URL) throws -> Int {
        guard !paths.isEmpty else { return 0 }
        var list = Data()
        for path in paths {
            list.append(contentsOf: path.utf8)
            list.append(0)
        }
        try list.write(to: listFile)
        defer { try? FileManager.default.removeItem(at: listFile) }
        return Self.parse(try ChildCommand(arguments: uploadArguments(root: root, listFile: listFile)).run()).uploaded.count
    }

    public func mirror(_ root: URL, compareBytes: Bool) throws -> MirrorCount {
        Self.parse(try ChildCommand(arguments: mirrorArguments(root: root, compareBytes: compareBytes)).run())
    }

    /// The files sent and deleted, from rsync's `%i %n` lines (`<f+++++++++ a/b.html`,
    /// `>f.st...... a` for a local destination, `*deleting   a/b.html`); folders are not counted.
    static func parse(_ lines: [String]) -> MirrorCount {
        var count = MirrorCount()
        for line in lines {
            if line.hasPrefix("*deleting ") {
                let path = line.dropFirst("*deleting ".count).drop(while: { $0 == " " })
                if !path.hasSuffix("/") { count.deleted.append(String(path)) }
            } else if line.hasPrefix("<f") || line.hasPrefix(">f"), let space = line.firstIndex(of: " ") {
                count.uploaded.append(String(line[line.index(after: space)...]))
            }
        }
        return count
    }
}
