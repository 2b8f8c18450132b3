@testable import BuildPipeline
import DemoSnapshot
import Redaction
import SnapshotModel
import Testing

/// The report's redaction log is sorted by row, field, offset, rule and length, as those
/// values compare (names by their string order).
struct ReplacementLinesTests {
    @Test("the log is in the order of row, field, offset, rule and length", arguments: [1, 2, 3, 4])
    func order(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        // Ids that are prefixes of others, numbers that sort as text, and ids beyond ASCII.
        let ids = ["R1", "R10", "R2", "R1-x", "R１", "甲1", "C9", "P01", "P1"]
        let tables: [SnapshotTable] = [.records, .cases, .subjects, .verificationReports]
        let fields = ["facts_md", "facts", "name", "summary_md", "名称"]
        let events = (0..<600).map { _ in
            RedactionEvent(
                row: RowRef(tables.randomElement(using: &random)!, ids.randomElement(using: &random)!),
                field: fields.randomElement(using: &random)!, rule: RedactionRule.allCases.randomElement(using: &random)!,
                offset: Int.random(in: 0..<6, using: &random), length: Int.random(in: 1..<4, using: &random))
        }
        let lines = BuildReport.ReplacementLines(sorting: Array(Set(events)))
        let expected = Set(events).sorted {
            ($0.row, $0.field, $0.offset, $0.rule, $0.length) < ($1.row, $1.field, $1.offset, $1.rule, $1.length)
        }
        #expect(lines.count == expected.count)
        #expect(lines.map { [$0.table, $0.id, $0.field, $0.rule, "\($0.offset)", "\($0.length)"] }
            == expected.map { [$0.row.table.rawValue, $0.row.id, $0.field, $0.rule.rawValue, "\($0.offset)", "\($0.length)"] })
    }
}
