import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command and reports its wall time and peak resident memory (from `wait4`).
struct ChildProcess {
    /// What a run measured.
    struct Measurement {
        var seconds: Double
        var peakKilobytes: Int
        var status: Int32
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Measurement {
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
