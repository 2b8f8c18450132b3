import SnapshotModel

extension SnapshotReader {
    /// Calls `body` with every text column of `snapshot` that a page, feed or search index
    /// can show: the same columns the redactor redacts. The long bodies are read in batches.
    /// The audit and the preview's redaction report walk the snapshot through this one list,
    /// so that neither can miss a column the build publishes.
    public func forEachTextField(of snapshot: Snapshot, _ body: (TextField) throws -> Void) throws {
        func emit(_ table: SnapshotTable, _ id: String, _ fields: [(String, String?)], markdown: Bool = false) throws {
            for case let (field, text?) in fields where !text.isEmpty {
                try body(TextField(row: RowRef(table, id), field: field, text: text, isMarkdown: markdown))
            }
        }
        for row in snapshot.subjects {
            try emit(.subjects, row.id, [("name", row.name), ("address", row.address),
                                         ("legal_representative", row.legalRepresentative)])
        }
        for row in snapshot.cases {
            try emit(.cases, row.id, [("title", row.title), ("region", row.region), ("source", row.source),
                                      ("source_url", row.sourceURL), ("domain", row.domain),
                                      ("proposed_action", row.proposedAction)] + row.tags.map { ("tags", $0) })
        }
        for row in snapshot.reports {
            try emit(.verificationReports, row.id, [("title", row.title), ("lead_department", row.leadDepartment),
                                                    ("service_agency", row.serviceAgency)])
        }
        for row in snapshot.records {
            try emit(.records, row.id, [("document_no", row.documentNo), ("authority", row.authority),
                                        ("basis", row.basis), ("outcome", row.outcome)])
        }
        for row in snapshot.listEntries {
            try emit(.listEntries, row.id, [("domain", row.domain), ("authority", row.authority), ("basis", row.basis),
                                            ("removal_reason", row.removalReason)])
        }
        for row in snapshot.rectifications {
            try emit(.rectifications, row.id, [("requirement_md", row.requirementMarkdown)], markdown: true)
        }
        for row in snapshot.interviews {
            try emit(.interviews, row.id, [("summary_md", row.summaryMarkdown)], markdown: true)
        }
        for row in snapshot.repairActions {
            try emit(.repairActions, row.id, [("provider", row.provider)])
        }
        for (column, batch) in Self.bodyBatches(of: snapshot) {
            for (id, text) in try self.bodies(column, ids: batch).sorted(by: { $0.key < $1.key }) {
                try emit(column.table, id, [(column.column, text)], markdown: true)
            }
        }
    }

    /// Every long body column with the ids of its rows, in batches of 2,000: how the bodies of a
    /// whole snapshot are read when they are read all (the text fields, `check`'s warnings).
    static func bodyBatches(of snapshot: Snapshot) -> [(BodyColumn, [String])] {
        let bodies: [(BodyColumn, [String])] = [
            (.caseSummary, snapshot.cases.map(\.id)), (.reportBody, snapshot.reports.map(\.id)),
            (.recordFacts, snapshot.records.map(\.id)), (.listReason, snapshot.listEntries.map(\.id)),
            (.commitmentBody, snapshot.commitments.map(\.id)),
        ]
        return bodies.flatMap { column, ids in
            stride(from: 0, to: ids.count, by: 2000).map { (column, Array(ids[$0..<min($0 + 2000, ids.count)])) }
        }
    }
}
