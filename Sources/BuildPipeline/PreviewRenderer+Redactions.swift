import CreditVocabulary
import Redaction
import SnapshotModel

extension PreviewRenderer {
    /// Every replacement the redactor makes in the snapshot's free text and structured
    /// fields: counts per rule, and for each row the rules that fired.
    public func snapshotRedactions() throws -> (counts: [RedactionRule: Int], rows: [RowRef: Set<RedactionRule>]) {
        var log = RedactionLog()
        let plain = Redactor(snapshot: snapshot, slugKey: Array("preview".utf8))
        func redact(_ table: SnapshotTable, _ id: String, _ fields: [(String, String?)], markdown: Set<String> = []) {
            for (field, value) in fields {
                _ = plain.text(value, row: RowRef(table, id), field: field, markdown: markdown.contains(field), log: &log)
            }
        }
        for row in snapshot.subjects { _ = plain.subject(row, log: &log) }
        let summaries = try reader.bodies(.caseSummary, ids: snapshot.cases.map(\.id))
        for row in snapshot.cases {
            redact(.cases, row.id, [("title", row.title), ("region", row.region), ("summary_md", summaries[row.id]),
                                    ("proposed_action", row.proposedAction)], markdown: ["summary_md"])
        }
        let reportBodies = try reader.bodies(.reportBody, ids: snapshot.reports.map(\.id))
        for row in snapshot.reports {
            redact(.verificationReports, row.id, [("title", row.title), ("body_md", reportBodies[row.id])], markdown: ["body_md"])
        }
        for start in stride(from: 0, to: snapshot.records.count, by: 1000) {
            let batch = Array(snapshot.records[start..<min(start + 1000, snapshot.records.count)])
            let facts = try reader.bodies(.recordFacts, ids: batch.map(\.id))
            for row in batch {
                redact(.records, row.id, [("facts_md", facts[row.id]), ("basis", row.basis), ("outcome", row.outcome),
                                          ("document_no", row.documentNo), ("authority", row.authority)], markdown: ["facts_md"])
            }
        }
        let reasons = try reader.bodies(.listReason, ids: snapshot.listEntries.map(\.id))
        for row in snapshot.listEntries {
            redact(.listEntries, row.id, [("reason_md", reasons[row.id]), ("basis", row.basis)], markdown: ["reason_md"])
        }
        let commitmentBodies = try reader.bodies(.commitmentBody, ids: snapshot.commitments.map(\.id))
        for row in snapshot.commitments {
            redact(.commitments, row.id, [("body_md", commitmentBodies[row.id])], markdown: ["body_md"])
        }
        for row in snapshot.rectifications { redact(.rectifications, row.id, [("requirement_md", row.requirementMarkdown)]) }
        for row in snapshot.interviews { redact(.interviews, row.id, [("summary_md", row.summaryMarkdown)]) }
        var rows: [RowRef: Set<RedactionRule>] = [:]
        for event in log.events { rows[event.row, default: []].insert(event.rule) }
        return (log.countsByRule, rows)
    }
}
