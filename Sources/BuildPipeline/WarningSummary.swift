import Messages
import SnapshotModel

/// The lines a build prints for its snapshot's problems: one line per problem, except that
/// problems of one kind (the same table, column and message but for its dates and numbers)
/// seen more than ``maximumAlike`` times become one line naming the first few rows and the
/// count, so that a rule repeated on 185 rows does not bury the one problem that matters. The
/// build report still lists every problem.
public enum WarningSummary {
    /// How many problems of one kind are shown before they are summarised.
    public static let maximumAlike = 3

    /// The lines, in the order the problems' kinds first appear; warnings at an `expected`
    /// place (`table.column`) are counted in one last, informational line instead. `alike` is
    /// the code of the line that summarises a kind (`warnings_alike` for a build, which points
    /// to the report; `check` points to its `--all`).
    public static func notices(
        _ problems: [SnapshotProblem], expected: Set<String> = [], alike: String = "warnings_alike"
    ) -> [BuildNotice] {
        func isExpected(_ problem: SnapshotProblem) -> Bool {
            guard problem.severity == .warning, let table = problem.table, let column = problem.column else { return false }
            return expected.contains("\(table.rawValue).\(column)")
        }
        let quiet = expected.isEmpty ? [] : problems.filter(isExpected)
        let problems = quiet.isEmpty ? problems : problems.filter { !isExpected($0) }
        var order: [String] = []
        var groups: [String: [SnapshotProblem]] = [:]
        for problem in problems {
            let key = "\(problem.severity.rawValue)|\(problem.file)|\(problem.table?.rawValue ?? "")|\(problem.column ?? "")|"
                + problem.message.code + "|" + template(problem.message.text(in: .english))
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(problem)
        }
        var notices: [BuildNotice] = []
        for key in order {
            let group = groups[key]!
            guard group.count > maximumAlike, let first = group.first, let table = first.table else {
                notices += group.map { problem in BuildNotice(.warning) { problem.text(in: $0) } }
                continue
            }
            let rows = group.prefix(maximumAlike).compactMap { $0.rowID.map { "\(table.rawValue)[\($0)]" } }.joined(separator: ", ")
            let count = group.count
            notices.append(BuildNotice(.warning) { language in
                let place = [first.file, table.rawValue + (first.column.map { ".\($0)" } ?? "")].filter { !$0.isEmpty }
                    .joined(separator: language.separator)
                let summary = Message(alike, [
                    "place": place, "count": "\(count)", "rows": rows, "more": "\(count - maximumAlike)",
                    "text": first.message.coded(in: language),
                ])
                return language.severityPrefix(isError: first.severity == .error) + summary.text(in: language)
            })
        }
        if !quiet.isEmpty {
            let places = Set(quiet.compactMap { problem in problem.table.map { "\($0.rawValue).\(problem.column ?? "")" } }).sorted()
            let message = Message("warnings_expected", ["count": "\(quiet.count)", "places": places.joined(separator: ", ")])
            notices.append(BuildNotice(.info) { message.text(in: $0) })
        }
        return notices
    }

    /// A message with its digits made one mark: what problems of one kind share.
    static func template(_ message: String) -> String {
        var result = ""
        var inDigits = false
        for character in message {
            if character.isASCII && character.isNumber {
                if !inDigits { result.append("#") }
                inDigits = true
            } else {
                result.append(character)
                inDigits = false
            }
        }
        return result
    }
}
