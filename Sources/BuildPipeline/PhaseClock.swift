import Foundation

/// Times the phases of a build; prints them to standard error when `GONGSHI_TIMING` is set.
struct PhaseClock {
    private var last = Date()
    private var laps: [(String, TimeInterval)] = []
    /// Whether `GONGSHI_TIMING` is set.
    let enabled = ProcessInfo.processInfo.environment["GONGSHI_TIMING"] != nil

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = Date()
        laps.append((name, now.timeIntervalSince(last)))
        last = now
    }

    func report() {
        guard enabled else { return }
        for (name, seconds) in laps {
            FileHandle.standardError.write(Data(String(format: "timing: %-30@ %8.3f s\n", name as NSString, seconds).utf8))
        }
    }
}
