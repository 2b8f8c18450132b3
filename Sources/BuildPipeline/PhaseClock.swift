import Foundation

/// Times the phases of a build; prints them to standard error when `GONGSHI_TIMING` is set.
struct PhaseClock {
    private var last = Date()
    private var laps: [(String, TimeInterval, String)] = []
    /// Whether `GONGSHI_TIMING` is set.
    let enabled = ProcessInfo.processInfo.environment["GONGSHI_TIMING"] != nil

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = Date()
        laps.append((name, now.timeIntervalSince(last), Self.memory()))
        last = now
    }

    func report() {
        guard enabled else { return }
        for (name, seconds, memory) in laps {
            FileHandle.standardError.write(Data(
                String(format: "timing: %-30@ %8.3f s  %@\n", name as NSString, seconds, memory as NSString).utf8))
        }
    }

    /// The resident and peak resident memory, from `/proc/self/status` (empty elsewhere).
    private static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        let wanted = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS:") || $0.hasPrefix("VmHWM:") }
        return wanted.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ") }
            .joined(separator: " / ")
    }
}
