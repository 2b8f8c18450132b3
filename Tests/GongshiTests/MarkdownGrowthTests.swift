import Foundation
@testable import Markdown
import Testing

/// The Markdown renderer's time and output grow linearly with its input on the pathological
/// inputs of cmark's and cmark-gfm's test suites and security advisories (issue: hostile
/// input): ten times the input may cost at most thirty times the time, and the page is at
/// most a small multiple of the field. Each size's best of a few runs in the thread's CPU
/// time, compared in one run.
@Suite("Markdown: time and output linear in the input", .serialized)
struct MarkdownGrowthTests {
    /// A pattern: a prefix, a unit repeated to the size, a suffix.
    static let patterns: [(label: String, head: String, unit: String, tail: String)] = [
        ("nested strong emphasis", "", "*a **a ", "b"),
        ("emphasis closers without openers", "", "a_ ", ""),
        ("emphasis openers without closers", "", "_a ", ""),
        ("link closers without openers", "", "a]", ""),
        ("link openers without closers", "", "[a", ""),
        ("mismatched openers and closers", "", "*a_ ", ""),
        ("closers in multiples of three", "a**b", "c* ", ""),
        ("link openers and emphasis closers", "", "[ a_", ""),
        ("[ (]( repeated", "", "[ (](", ""),
        ("nested brackets", "", "[", "a"),
        ("nested block quotes", "", "> ", "a"),
        ("unclosed links with angle brackets", "", "[a](<b", ""),
        ("unclosed links", "", "[a](b", ""),
        ("unclosed comments", "</", "<!--", ""),
        ("backticks", "", "e`", ""),
        ("many references", "", "[a]: u\n", ""),
        ("autolinks www._ (CVE-2023-37463)", "", "www._", ""),
        ("image openers ![[]() (CVE-2023-22486)", "", "![[]()", ""),
        ("processing instructions a <? (CVE-2023-24824)", "", "a <? ", ""),
        ("CDATA a <![CDATA[ (CVE-2023-26485)", "", "a <![CDATA[ ", ""),
        ("a wide table header filled out on every line (CVE-2023-22483, -22484)",
         "|" + String(repeating: " a |", count: 500) + "\n|" + String(repeating: "-|", count: 500) + "\n", "x\n", ""),
        ("table rows", "| a | b |\n|---|---|\n", "| 1 | 2 |\n", ""),
        ("pipes", "", "|", ""),
        ("list items", "", "* a\n", ""),
        ("raw HTML", "", "<div>a</div>", ""),
    ]

    static func measure(_ text: String, runs: Int) -> (seconds: Double, bytes: Int) {
        let (seconds, html) = ThreadCPUClock.best(runs: runs) { MarkdownRenderer.renderHTML(text) }
        return (seconds, html.utf8.count)
    }

    /// The best CPU times of rendering each input, and the last input's page size. A
    /// measurement whose growth looks worse than linear is taken again, and each size keeps
    /// its best: the other tests running beside this one can slow one run several times
    /// (shared caches), never every run of one size.
    static func growthTimes(_ inputs: [String]) -> (seconds: [Double], largest: Int) {
        var best = [Double](repeating: .infinity, count: inputs.count)
        var bytes = 0
        for attempt in 0..<3 {
            for (index, input) in inputs.enumerated() {
                let measured = measure(input, runs: index == inputs.count - 1 ? 2 : 4)
                best[index] = min(best[index], measured.seconds)
                bytes = measured.bytes
            }
            let linear = zip(best, best.dropFirst()).allSatisfy { $1 / max($0, 0.001) <= 30 }
            if linear || attempt == 2 { break }
        }
        return (best, bytes)
    }

    @Test("ten times the input costs at most thirty times the time; the page stays within a multiple of the field",
          arguments: patterns.map(\.label))
    func growth(_ label: String) {
        let pattern = Self.patterns.first { $0.label == label }!
        func text(_ bytes: Int) -> String {
            pattern.head + String(repeating: pattern.unit, count: max(1, bytes / pattern.unit.utf8.count)) + pattern.tail
        }
        let inputs = [text(10_000), text(100_000), text(1_000_000)]
        let (times, large) = Self.growthTimes(inputs)
        #expect(times[1] / max(times[0], 0.001) <= 30, "\(label): 10 KB \(times[0]) s, 100 KB \(times[1]) s")
        #expect(times[2] / max(times[1], 0.001) <= 30, "\(label): 100 KB \(times[1]) s, 1 MB \(times[2]) s")
        #expect(large <= 16 * 1_000_000 + 65_536 + pattern.head.utf8.count * 16, "\(label): \(large) bytes")
    }

    @Test("a field that uses each construct a few times renders as Markdown")
    func ordinaryFieldsUnchanged() {
        let text = """
            见[通报](https://www.example.gov.cn/a)与 www.example.gov.cn。<!-- 备注 -->

            | 项目 | 金额 |
            |---|---|
            | 罚款 | 1000 |
            """
        #expect(MarkdownSafety.plan(for: text) == MarkdownSafety.Plan())
        let html = MarkdownRenderer.renderHTML(text)
        #expect(html.contains("<table>") && html.contains("<a href=\"https://www.example.gov.cn/a\">"))
        #expect(!html.contains("备注"))
    }

    @Test("an escape before a character the plan escapes is kept as written")
    func escapesStay() {
        var plan = MarkdownSafety.Plan()
        plan.escapeSquareBrackets = true
        #expect(MarkdownSafety.apply(plan, to: #"a\[b[c\\[d"#) == #"a\[b\[c\\\[d"#)
    }
}
