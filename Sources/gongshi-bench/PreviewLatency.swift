import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB

/// The reviewer preview under the bench's snapshot: `gongshi preview` started on a free
/// loopback port, then a bounded loop of requests for record pages (each made for the first
/// time, then again from the preview's memo) and the index; its peak memory from
/// `/proc/PID/status`.
struct PreviewLatency {
    /// What one size measured.
    struct Figures {
        var ready: Double
        var firstView: (median: Double, p95: Double)
        var again: (median: Double, p95: Double)
        var index: Double
        var peakMegabytes: Int
        var pages: Int
    }

    /// Measures `sample` record pages of `snapshot`.
    static func measure(gongshi: String, snapshot: String, work: String, sample: Int = 200) throws -> Figures {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gongshi)
        process.arguments = ["preview", "--snapshot", snapshot, "--site", ".", "--port", "0", "--access-log", "\(work)/preview-access.log"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // The start line names the port: 已在 http://127.0.0.1:PORT/ 提供.
        var text = ""
        var port: Int?
        while port == nil {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: "gongshi preview exited"]) }
            text += String(decoding: data, as: UTF8.self)
            if let match = text.firstMatch(of: /127\.0\.0\.1:([0-9]+)\//) { port = Int(match.output.1) }
        }
        let ready = Date().timeIntervalSince(started)
        let base = "http://127.0.0.1:\(port!)"
        let ids = try DatabaseQueue(path: snapshot).read { db in try String.fetchAll(db, sql: "SELECT id FROM records ORDER BY id") }
        let step = max(1, ids.count / sample)
        let chosen = stride(from: 0, to: ids.count, by: step).prefix(sample).map { ids[$0] }
        let first = try chosen.map { try milliseconds(base + "/records/\($0)/") }
        let again = try chosen.map { try milliseconds(base + "/records/\($0)/") }
        let index = try milliseconds(base + "/")
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        return Figures(ready: ready, firstView: quantiles(first), again: quantiles(again), index: index, peakMegabytes: peak / 1024,
                       pages: chosen.count)
    }

    static func quantiles(_ values: [Double]) -> (median: Double, p95: Double) {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return (0, 0) }
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))])
    }

    /// The time to fetch `url` in full, in milliseconds; a status other than 200 is an error.
    static func milliseconds(_ url: String) throws -> Double {
        let semaphore = DispatchSemaphore(value: 0)
        let started = Date()
        nonisolated(unsafe) var status = 0
        URLSession.shared.dataTask(with: URL(string: url)!) { _, response, _ in
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
            semaphore.signal()
        }.resume()
        semaphore.wait()
        guard status == 200 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: "\(url): HTTP \(status)"]) }
        return Date().timeIntervalSince(started) * 1000
    }
}
