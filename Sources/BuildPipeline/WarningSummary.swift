import SnapshotModel

/// The lines a build prints for its snapshot's problems: one line per problem, except that
/// problems of one kind (the same table, column and message but for its dates and numbers)
/// seen more than ``maximumAlike`` times become one line naming the first few rows and the
/// count, so that a rule repeated on 185 rows does not bury the one problem that matters. The
/// build report still lists every problem.
enum WarningSummary {
    static let maximumAlike = 3

    /// The lines, in the order the problems' kinds first appear.
    static func lines(_ problems: [SnapshotProblem]) -> [String] {
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
