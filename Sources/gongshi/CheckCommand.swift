import ArgumentParser
import BuildPipeline
import DisclosurePolicy
import Foundation
import Messages
import SiteConfig
import SnapshotModel
import SnapshotReader

/// `gongshi check`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every problem of a snapshot at once (its structure, then its rows); exit 1 when it has errors.")

    @Option(help: "The snapshot file.") var snapshot: String
    @Option(help: "The site folder, for its limits (default: the built-in limits).") var site: String?
    @Flag(help: "List every problem on a line of its own instead of summarising each kind after \(WarningSummary.maximumAlike).")
    var all = false
    @Flag(help: "Print JSON for machines: every problem with its code, and the counts.") var json = false

    func run() throws {
        let schema: [SnapshotProblem]
        let problems: [SnapshotProblem]
        let blocking: Int
        do {
            let limit = try site.map { try SiteFolder.load($0).configuration.maximumMarkdownCharacters }
            // Missing tables and columns are listed with the problems of the other tables' rows.
            let reader = try SnapshotReader(file: snapshot, maximumBodyCharacters: limit ?? Int(SnapshotSchema.maximumBodyCharacters),
                                            toleratingSchemaProblems: true)
            let reading = try reader.read()
            schema = reader.schemaProblems
            let skipped = Set(schema.compactMap(\.table))
            problems = (reading.problems + (try reader.unsafeCharacterWarnings(in: reading.snapshot))
                + DisclosurePolicy().ruleWarnings(reading.snapshot, asOf: .today()))
                .filter { !Self.refersInto(skipped, $0) }
            blocking = reading.blockingErrors.count + schema.count
        } catch let error as SnapshotOpenError {
            printFailure(error)
            throw ExitCode(1)
        } catch let error as SiteFolderError {
            printFailure(error)
            throw ExitCode(1)
        }
        let everything = schema + problems
        let errors = everything.filter { $0.severity == .error }.count
        let warnings = everything.count - errors
        if json {
            printJSON(schema: schema, problems: problems, errors: errors, blocking: blocking, warnings: warnings)
        } else {
            let language = MessageLanguage.current
            schema.forEach { print($0.text(in: language)) }
            if !schema.isEmpty { print(Message("check_schema_summary", ["count": "\(schema.count)"]).text(in: language)) }
            if all {
                problems.forEach { print($0.text(in: language)) }
            } else {
                WarningSummary.notices(problems, alike: "check_alike").forEach { print($0.text(in: language)) }
            }
            print(Message("check_summary", ["file": snapshot, "errors": "\(errors)", "blocking": "\(blocking)",
                                            "withholding": "\(errors - blocking)", "warnings": "\(warnings)"]).text(in: language))
        }
        if errors > 0 { throw ExitCode(1) }
    }

    /// Whether `problem` only says that a row refers to a row of a table that was not read
    /// (its structure is wrong): that is the structure problem again, not one of the row.
    static func refersInto(_ skipped: Set<SnapshotTable>, _ problem: SnapshotProblem) -> Bool {
        guard problem.message.code == "reference_missing", let target = problem.message.arguments["target"] else { return false }
        return skipped.contains { target.hasPrefix($0.rawValue + "[") }
    }

    private func printJSON(schema: [SnapshotProblem], problems: [SnapshotProblem], errors: Int, blocking: Int, warnings: Int) {
        func object(_ problem: SnapshotProblem) -> [String: Any] {
            var fields: [String: Any] = ["severity": problem.severity.rawValue, "code": problem.message.code,
                                         "message": problem.message.text(in: .english), "text": problem.message.text(in: .current)]
            fields["table"] = problem.table?.rawValue
            fields["id"] = problem.rowID
            fields["column"] = problem.column
            if !problem.message.arguments.isEmpty { fields["values"] = problem.message.arguments }
            return fields
        }
        var kinds: [String: (severity: String, table: String, column: String, code: String, ids: [String])] = [:]
        for problem in problems {
            let key = [problem.severity.rawValue, problem.table?.rawValue ?? "", problem.column ?? "", problem.message.code].joined(separator: "|")
            kinds[key, default: (problem.severity.rawValue, problem.table?.rawValue ?? "", problem.column ?? "", problem.message.code, [])]
                .ids.append(problem.rowID ?? "")
        }
        let groups: [[String: Any]] = kinds.keys.sorted().map { key in
            let kind = kinds[key]!
            return ["severity": kind.severity, "table": kind.table, "column": kind.column, "code": kind.code,
                    "count": kind.ids.count, "first_ids": Array(kind.ids.prefix(5))]
        }
        let document: [String: Any] = [
            "file": snapshot, "errors": errors, "blocking": blocking, "warnings": warnings,
            "schema": schema.map(object), "problems": problems.map(object), "kinds": groups,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        print(String(decoding: data, as: UTF8.self))
    }
}
