import SnapshotModel

/// The lines a build prints for its snapshot's problems: one line per problem, except that
/// problems of one kind (the same table, column and message but for its dates and numbers)
/// seen more than ``maximumAlike`` times become one line naming the first few rows and the
/// count, so that a rule repeated on 185 rows does not bury the one problem that matters. The
/// build report still lists every problem.
enum WarningSummary {
    static let maximumAlike = 3

    /// The lines, in the order the problems' kinds first appear; warnings at an `expected`
    /// place (`table.column`) are counted in one last line instead.
    static func lines(_ problems: [SnapshotProblem], expected: Set<String> = []) -> [String] {
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
                + template(problem.message)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(problem)
        }
        var lines: [String] = []
        for key in order {
            let group = groups[key]!
            guard group.count > maximumAlike, let first = group.first, let table = first.table else {
                lines += group.map(\.description)
                continue
            }
            let rows = group.prefix(maximumAlike).compactMap { $0.rowID.map { "\(table.rawValue)[\($0)]" } }.joined(separator: ", ")
            let place = (first.file.isEmpty ? "" : first.file + ": ") + table.rawValue + (first.column.map { ".\($0)" } ?? "")
            lines.append("\(first.severity.rawValue): \(place): \(group.count) rows, such as \(rows) (and \(group.count - maximumAlike) more, "
                + "each listed by check and in the build report): \(first.message)")
        }
        if !quiet.isEmpty {
            let places = Set(quiet.compactMap { problem in problem.table.map { "\($0.rawValue).\(problem.column ?? "")" } }).sorted()
            lines.append("info: \(quiet.count) expected warnings (\(places.joined(separator: ", ")), site.toml [warnings] expected) "
                + "not shown; check and the build report list them")
        }
        return lines
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
