import CreditVocabulary
import Redaction
import SnapshotModel

extension PreviewRenderer {
    /// Every replacement the redactor makes in the snapshot's free text and structured
    /// fields: counts per rule, and for each row the rules that fired.
    public func snapshotRedactions() throws -> (counts: [RedactionRule: Int], rows: [RowRef: Set<RedactionRule>]) {
        var log = RedactionLog()
        let plain = Redactor(snapshot: snapshot, slugKey: Array("preview".utf8), contextNames: redactor.masksContextNames)
        for row in snapshot.subjects { _ = plain.subject(row, log: &log) }
        try reader.forEachTextField(of: snapshot) { field in
            // Subjects' columns are redacted by their own rules just above.
            guard field.row.table != .subjects else { return }
            _ = plain.text(field.text, row: field.row, field: field.field, markdown: field.isMarkdown, log: &log)
        }
        var rows: [RowRef: Set<RedactionRule>] = [:]
        for event in log.events { rows[event.row, default: []].insert(event.rule) }
        return (log.countsByRule, rows)
    }
}
