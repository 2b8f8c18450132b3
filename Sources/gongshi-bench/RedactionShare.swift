import Foundation
import Redaction
import SnapshotModel
import SnapshotReader

/// How long redaction alone takes on a snapshot: every text column a build publishes, read
/// and redacted once, as a full build does (on one core; a build spreads it over two), so
/// that the bench can state redaction's share of a full build.
enum RedactionShare {
    /// Fields, characters and seconds of redacting every published text of `snapshot`.
    static func measure(snapshot path: String) throws -> (fields: Int, characters: Int, seconds: Double) {
        let reader = try SnapshotReader(file: path)
        let snapshot = try reader.read().snapshot
        let start = Date()
        let redactor = Redactor(snapshot: snapshot, slugKey: Array("bench-slug-key-0123456789".utf8))
        var fields = 0, characters = 0
        try reader.forEachTextField(of: snapshot) { field in
            var log = RedactionLog()
            let redacted: RedactedText = redactor.text(field.text, row: field.row, field: field.field,
                                                       markdown: field.isMarkdown, log: &log)
            fields += 1
            characters += redacted.value.unicodeScalars.count
        }
        return (fields, characters, Date().timeIntervalSince(start))
    }
}
