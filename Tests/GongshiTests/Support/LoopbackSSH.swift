import Foundation

/// A web host's SSH side on loopback: Debian's sshd with a throw-away host key, a throw-away
/// client key and (when the tests run as root) a throw-away user owning the served folder;
/// started, stopped and restarted by the test.
final class LoopbackSSH: @unchecked Sendable {
    let folder = TemporaryFolder()
    let port: Int
    /// The account the client logs in as.
    let user: String
    private var running = false
    private let madeUser: Bool

    /// rsync's remote shell for this host.
    var shell: String {
        "ssh -i \(folder.path("client")) -p \(port) -o UserKnownHostsFile=\(folder.path("known_hosts")) "
            + "-o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes -o ConnectTimeout=5"
    }

    /// The rsync destination of `folderPath` on this host.
    func destination(_ folderPath: String) -> String { "\(user)@127.0.0.1:\(folderPath)" }

    static var available: Bool {
        ["/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/rsync"].allSatisfy(FileManager.default.isExecutableFile(atPath:))
    }

    /// Starts sshd; `owning` folders are handed to the throw-away user.
    init(owning folders: [String]) throws {
        port = try LoopbackHost.freePort()
        try Self.shell(["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder.path("host_key")])
        try Self.shell(["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder.path("client")])
        try FileManager.default.copyItem(atPath: folder.path("client.pub"), toPath: folder.path("authorized_keys"))
        let hostKey = try String(contentsOfFile: folder.path("host_key.pub"), encoding: .utf8)
        try "[127.0.0.1]:\(port) \(hostKey)".write(toFile: folder.path("known_hosts"), atomically: true, encoding: .utf8)
        if getuid() == 0 {
            user = "gshtest\(UInt32.random(in: 10_000...99_999))"
            // `*`: no password, and not a locked account, which sshd refuses without PAM.
            try Self.shell(["/usr/sbin/useradd", "--no-create-home", "--home-dir", folder.path(""), "--shell", "/bin/sh",
                            "--password", "*", user])
            madeUser = true
            for path in folders { try Self.shell(["/bin/chown", "-R", "\(user):\(user)", path]) }
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        } else {
            user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
            madeUser = false
        }
        chmod(folder.path(""), 0o755)
        chmod(folder.path("authorized_keys"), 0o644)
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder.path("host_key"))
            AuthorizedKeysFile \(folder.path("authorized_keys"))
            PidFile \(folder.path("sshd.pid"))
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no
            AllowUsers \(user)
            """.write(toFile: folder.path("sshd_config"), atomically: true, encoding: .utf8)
        try start()
    }

    /// Starts sshd (again, after ``stop()``) and waits until it answers. sshd runs as a daemon
    /// (its pid in `sshd.pid`): run in the foreground it closes the descriptors Foundation's
    /// `Process` watches, whose monitor then blocks in `waitpid` and reaps no other child.
    func start() throws {
        try Self.shell(["/usr/sbin/sshd", "-f", folder.path("sshd_config"), "-E", folder.path("sshd.log")])
        running = true
        for _ in 0..<200 where !LoopbackHost.answers(port) { usleep(25_000) }
    }

    /// Stops sshd: the host is unreachable until ``start()``.
    func stop() {
        guard running, let text = try? String(contentsOfFile: folder.path("sshd.pid"), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        kill(pid, SIGTERM)
        running = false
        for _ in 0..<200 where LoopbackHost.answers(port) || kill(pid, 0) == 0 { usleep(25_000) }
    }

    /// Waits until no process of the host's user is left (the rsync of a killed transfer).
    func waitForSessions() {
        guard madeUser else {
            usleep(2_000_000)
            return
        }
        for _ in 0..<400 {
            guard (try? Self.shell(["/usr/bin/pgrep", "-u", user])) != nil else { return }
            usleep(25_000)
        }
    }

    deinit {
        stop()
        if madeUser { _ = try? Self.shell(["/usr/sbin/userdel", user]) }
    }

    /// Runs a program; throws on a non-zero exit.
    @discardableResult
    static func shell(_ arguments: [String]) throws -> String {
        let (status, output) = try runProgram(arguments)
        guard status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")): \(output)"])
        }
        return output
    }
}
