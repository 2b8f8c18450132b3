import Foundation
import JSONText

extension BuildReport {
    /// The report as `--report` writes it: the JSON its `Codable` form decodes from, written
    /// directly (``JSONValue``), with keys sorted and two-space indents.
    public func jsonData() -> Data {
        Data(json.pretty())
    }

    /// Writes ``jsonData()``'s bytes through `flush` in pieces; the long lists are turned into
    /// JSON item by item, so the report is never held whole as text.
    func writeJSON(to flush: ([UInt8]) throws -> Void) throws {
        try json.writePretty(to: flush)
    }

    /// The report as a JSON value (keys are sorted when written; the two longest lists are
    /// written field by field, keys in order).
    var json: JSONValue {
        let published: [(String, JSONValue?)] = self.published.map { table, ids in
            (table, JSONValue.items(count: ids.count) { .string(ids[$0]) })
        }
        let withheld = Self.json(withheld: self.withheld)
        let problems: [JSONValue] = self.problems.map { problem in
            .object([("severity", .string(problem.severity)), ("table", .optional(problem.table)),
                     ("id", .optional(problem.id)), ("column", .optional(problem.column)),
                     ("message", .string(problem.message)), ("code", .string(problem.code))])
        }
        let events = redactions.log
        let log = JSONValue.objects(count: events.count) { index, fields in
            let event = events[index]
            fields.string("field", event.field)
            fields.string("id", event.id)
            fields.int("length", event.length)
            fields.int("offset", event.offset)
            fields.string("rule", event.rule)
            fields.string("table", event.table)
        }
        let output: [(String, JSONValue?)] = [
            ("unchanged", .bool(self.output.unchanged)), ("added", .int(self.output.added)),
            ("changed", .int(self.output.changed)), ("removed", .int(self.output.removed)),
            ("kept", .int(self.output.kept)), ("pagesMade", .int(self.output.pagesMade)),
            ("pagesKept", .int(self.output.pagesKept)),
        ]
        let late: [JSONValue] = timeliness.late.map { line in
            .object([("id", .string(line.id)), ("authority", .string(line.authority)),
                     ("decided_on", .string(line.decidedOn)), ("approved_on", .string(line.approvedOn)),
                     ("working_days", .int(line.workingDays))])
        }
        let notComputed: [JSONValue] = timeliness.notComputed.map { line in
            .object([("id", .string(line.id)), ("reason", .string(line.reason))])
        }
        let timeliness: [(String, JSONValue?)] = [
            ("limit_working_days", .int(self.timeliness.limitWorkingDays)), ("late", .array(late)),
            ("not_computed", .array(notComputed)),
        ]
        let top: [(String, JSONValue?)] = [
            ("snapshot", .string(snapshot)), ("as_of", .string(asOf)), ("audience", .string(audience)),
            ("counts", .counts(counts)), ("files", .int(files)), ("pages", .int(pages)),
            ("published", .object(published)), ("withheld", withheld), ("problems", .array(problems)),
            ("redactions", .object([("counts", .counts(redactions.counts)), ("log", log)])),
            ("next_change", .optional(nextChange)), ("output", .object(output)), ("timeliness", .object(timeliness)),
        ]
        return .object(top.map { key, value in (key, prewritten[key].map(JSONValue.prewritten) ?? value) })
    }

    /// The withheld rows as the report writes them.
    static func json(withheld rows: WithheldLines) -> JSONValue {
        .objects(count: rows.count) { index, fields in
            let row = rows[index]
            fields.string("code", row.code)
            fields.string("id", row.id)
            fields.string("reason", row.reason)
            fields.string("table", row.table)
        }
    }

    /// Writes the values of the top-level `keys` ahead, to temporary files in `folder`
    /// (``PrewrittenJSON``), so that writing the report is mostly copying them; a part that
    /// cannot be written is left to the report's own writing.
    mutating func prewrite(_ keys: Set<String>, in folder: URL) {
        guard case .object(let pairs) = json else { return }
        for (key, value) in pairs where keys.contains(key) && prewritten[key] == nil {
            if let value, let part = try? PrewrittenJSON(value, depth: 1, in: folder) { prewritten[key] = part }
        }
    }
}
