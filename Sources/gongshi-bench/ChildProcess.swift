import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command and reports its wall time and peak resident memory (from `wait4`).
///
/// Linux carries a process's peak RSS across `exec` (`setmax_mm_hiwater_rss` in `exec_mmap`),
/// and a spawned child starts from the spawning process's memory. So that a build's figure is
/// the build's own and not the benchmark's (which grows as it reads large manifests), each
/// command is started by a fresh, small copy of the benchmark (`--measure`), which reports
/// what `wait4` says of the command.
struct ChildProcess {
    /// What a run measured.
    struct Measurement {
        var seconds: Double
        var peakKilobytes: Int
        var status: Int32
    }

    /// Runs `arguments` through a fresh `gongshi-bench --measure`.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Measurement {
        let result = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-bench-\(UUID().uuidString)")
        defer { unlink(result.path) }
        let helper = try direct(["/proc/self/exe", "--measure", result.path] + arguments, environment: environment)
        guard helper.status == 0, let text = try? String(contentsOf: result, encoding: .utf8) else {
            throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: arguments[0]])
        }
        let fields = text.split(separator: " ")
        guard fields.count == 3, let seconds = Double(fields[0]), let peak = Int(fields[1]), let status = Int32(fields[2]) else {
            throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: arguments[0]])
        }
        return Measurement(seconds: seconds, peakKilobytes: peak, status: status)
    }

    /// Runs a command to the end, unmeasured: its status and its output (standard output and
    /// error), for the commands whose words the benchmark reads (`gongshi publish`).
    static func capture(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `gongshi-bench --measure RESULT COMMAND...`: runs the command and writes its seconds,
    /// peak kilobytes and exit status to RESULT.
    static func measure(_ arguments: [String]) -> Never {
        guard arguments.count >= 2, let measured = try? direct(Array(arguments.dropFirst())),
              (try? "\(measured.seconds) \(measured.peakKilobytes) \(measured.status)".write(
                toFile: arguments[0], atomically: true, encoding: .utf8)) != nil
        else { exit(1) }
        exit(0)
    }

    /// Spawns `arguments` from this process and waits for it.
    private static func direct(_ arguments: [String], environment: [String: String] = [:]) throws -> Measurement {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let start = Date()
        let result = posix_spawn(&pid, arguments[0], &actions, nil, argv, variables)
        guard result == 0 else { throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: arguments[0]]) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        return Measurement(seconds: Date().timeIntervalSince(start), peakKilobytes: usage.ru_maxrss,
                           status: (status >> 8) & 0xFF)
    }
}
