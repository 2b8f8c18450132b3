import Foundation
import Messages

/// Runs a program to the end, as the transports and the purge hook need: its standard output
/// is returned as lines, its standard error kept for the error message.
///
/// Spawned with `posix_spawn` rather than Foundation's `Process`, for two reasons that keep a
/// killed publication from living on: the child stays in gongshi's process group (`Process`
/// gives it its own, so `timeout`, a terminal's Ctrl-C or `kill -- -PGID` stop gongshi and
/// leave an rsync uploading yesterday's files after today's publication), and it inherits the
/// output folder's lock (see ``OutputLock``), so a child that outlives gongshi all the same
/// keeps the next build or publication out until it has ended.
struct ChildCommand {
    /// The program and its arguments.
    var arguments: [String]
    /// Bytes given on its standard input, if any.
    var input: Data?

    /// Runs it; a non-zero exit is a ``PublishError`` naming the command and ending with the
    /// last lines it wrote to standard error.
    func run() throws -> [String] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-\(UUID().uuidString)")
        let errorPath = scratch.path + ".err", inputPath = scratch.path + ".in"
        defer {
            unlink(errorPath)
            unlink(inputPath)
        }
        let errorFile = open(errorPath, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0o600)
        guard errorFile >= 0 else { throw PublishError("\(errorPath): cannot be written (errno \(errno))") }
        defer { close(errorFile) }
        let inputFile: Int32
        if let input {
            try input.write(to: URL(fileURLWithPath: inputPath))
            inputFile = open(inputPath, O_RDONLY | O_CLOEXEC)
        } else {
            inputFile = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
        guard inputFile >= 0 else { throw PublishError("\(inputPath): cannot be read (errno \(errno))") }
        defer { close(inputFile) }
        var output: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { throw PublishError("cannot make a pipe (errno \(errno))") }
        for end in output { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }

        let pid = try spawn(stdin: inputFile, stdout: output[1], stderr: errorFile)
        close(output[1])
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(output[0], &buffer, buffer.count)
            if count > 0 { data.append(contentsOf: buffer[0..<count]) }
            else if count == 0 || errno != EINTR { break }
        }
        close(output[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff, signal = status & 0x7f
        guard exited, code == 0 else {
            let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            let tail = stderr.split(whereSeparator: \.isNewline).suffix(6).joined(separator: "\n  ")
            let how = exited ? "exit status \(code)" : "signal \(signal)"
            throw PublishError(Message("child_failed", ["command": Self.shortName(arguments), "how": how, "tail": tail.isEmpty ? "" : ":\n  " + tail]))
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
    }

    /// Starts the program with the given standard descriptors, the signals gongshi ignores set
    /// back to their defaults, in gongshi's process group.
    private func spawn(stdin: Int32, stdout: Int32, stderr: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            environment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environment)
        guard result == 0 else {
            throw PublishError(Message("child_not_started", ["command": arguments[0], "cause": String(cString: strerror(result))]))
        }
        return pid
    }

    /// The program's name, for messages.
    static func shortName(_ arguments: [String]) -> String {
        arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "?"
    }
}
