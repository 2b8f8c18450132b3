import Foundation
import Redaction
import SnapshotModel
import Testing

/// The redactor's time grows linearly with a field's length, whatever the field repeats
/// (issue: hostile input). Not a timing test: it compares the times of one pattern at 10 KB,
/// 100 KB and 1 MB in one run, and fails when ten times the input takes more than thirty
/// times as long (linear is ten; quadratic, a hundred). Each size's best of a few runs, in
/// the thread's CPU time.
@Suite("Redaction: time linear in the field's length", .serialized)
struct RedactionGrowthTests {
    static let redactor = plantedFormsRedactor()

    static let patterns: [(label: String, unit: String)] = [
        ("dates", "2026-01-01 "),
        ("single digits", "1 "),
        ("ID numbers, spaced", "350102199003074515 "),
        ("ID numbers in groups", "350102 19900307 4515 "),
        ("mobile numbers in groups", "138 1234 5678，"),
        ("digits and dashes", "1-2-3-4-5-6-7-8-9-"),
        ("masks", "138****5678 "),
        ("e-mail addresses", "zhangsan@example.com "),
        ("at signs", "a@@b."),
        ("known names", "王小明"),
        ("names spaced out", "王 小 明 "),
        ("context words and names", "联系人张建涛，"),
        ("context words alone", "联系人联系人"),
        ("references", "&#51;&#x35;&amp;"),
        ("percent-encoding", "%33%35%E7%8E%8B"),
        ("emphasis", "**王**小~~明~~`1`"),
        ("links", "[王](https://a.example.cn/)"),
        ("unclosed brackets", "[[[(((<<<"),
        ("raw tags", "<b>1</b><!-- 2 -->"),
        ("full-width digits", "１３８１２３４５６７８ "),
    ]

    /// CPU seconds to redact `text` as a Markdown field, the best of `runs`.
    static func seconds(_ text: String, runs: Int) -> Double {
        let (seconds, result) = ThreadCPUClock.best(runs: runs) { () -> RedactedText in
            var log = RedactionLog()
            return redactor.text(text, row: RowRef(.records, "R1"), field: "facts_md", markdown: true, log: &log)
        }
        #expect(!result.value.isEmpty)
        return seconds
    }

    @Test("ten times the input costs at most thirty times the time", arguments: patterns.map(\.label))
    func growth(_ label: String) {
        let unit = Self.patterns.first { $0.label == label }!.unit
        func text(_ bytes: Int) -> String {
            String(repeating: unit, count: max(1, bytes / unit.utf8.count))
        }
        let inputs = [text(10_000), text(100_000), text(1_000_000)]
        // A growth that looks worse than linear is measured again, each size keeping its
        // best: the tests beside this one can slow one run several times, not every run.
        var best = [Double](repeating: .infinity, count: 3)
        for attempt in 0..<2 {
            for (index, input) in inputs.enumerated() {
                best[index] = min(best[index], Self.seconds(input, runs: [5, 3, 1][index]))
            }
            if zip(best, best.dropFirst()).allSatisfy({ $1 / max($0, 0.001) <= 30 }) || attempt == 1 { break }
        }
        #expect(best[1] / max(best[0], 0.001) <= 30, "\(label): 10 KB \(best[0]) s, 100 KB \(best[1]) s")
        #expect(best[2] / max(best[1], 0.001) <= 30, "\(label): 100 KB \(best[1]) s, 1 MB \(best[2]) s")
    }
}
