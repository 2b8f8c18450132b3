import ArgumentParser
import BuildPipeline
import CreditVocabulary
import DisclosurePolicy
import Foundation
import Messages
import SiteConfig
import SnapshotModel
import SnapshotReader

/// `gongshi schedule`.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "List every date on which the public output changes, and what appears or disappears.")

    @Option(help: "The snapshot file.") var snapshot: String
    @Option(help: "The site folder (policy choices).") var site: String = "."
    @Option(help: "First day of the range, YYYY-MM-DD (default: today).") var from: CivilDate?
    @Option(help: "Number of days in the range.") var days: Int = 90
    @Option(help: "public or internal.") var audience: Audience = .public
    @Flag(help: "Print JSON for machines.") var json = false

    func validate() throws {
        guard (1...3660).contains(days) else { throw ValidationError(Message("days_range").text) }
    }

    func run() throws {
        let changes: [ScheduledChange]
        let titles: RowTitles
        let start = from ?? .today()
        do {
            let folder = try SiteFolder.load(site)
            let reading = try SnapshotReader(file: snapshot, maximumBodyCharacters: folder.configuration.maximumMarkdownCharacters).read()
            guard reading.blockingErrors.isEmpty else {
                reading.blockingErrors.forEach { printFailure($0) }
                throw ExitCode(1)
            }
            let policy = DisclosurePolicy(configuration: folder.configuration.policy, audience: audience)
            changes = policy.schedule(reading.snapshot, from: start, through: start.adding(days: days - 1))
            titles = RowTitles(snapshot: reading.snapshot, configuration: folder.configuration)
        } catch let error as ExitCode {
            throw error
        } catch {
            printFailure(error)
            throw ExitCode(1)
        }
        if json {
            printJSON(changes, from: start, titles: titles)
        } else if changes.isEmpty {
            print(Message("schedule_none", ["from": start.iso, "days": "\(days)"]).text(in: .current))
        } else {
            changes.flatMap { Self.lines($0, titles: titles.title(of:), language: .current) }.forEach { print($0) }
        }
    }

    /// The text lines of one date in `language`: the date with its weekday, then each row
    /// that appears (`+ 开始公示`, with why it was not shown until then) or disappears
    /// (`- 停止公示`, why), by its table's name (Chinese: 信用记录; English: `records[…]`),
    /// id and title as the public reads it (redacted: the output goes to logs and mail), and
    /// the reason's code for scripts and searches.
    static func lines(_ change: ScheduledChange, titles: (RowRef) -> String? = { _ in nil }, language: MessageLanguage) -> [String] {
        func name(_ ref: RowRef) -> String {
            let title = titles(ref).map { language == .chinese ? "「\($0)」" : " “\($0)”" } ?? ""
            return (language == .chinese ? ref.chineseDescription : "\(ref)") + title
        }
        let weekday = change.date.isoWeekday - 1
        var lines = [language == .chinese
            ? "\(change.date.iso)（星期\(["一", "二", "三", "四", "五", "六", "日"][weekday])）"
            : "\(change.date.iso) (\(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday]))"]
        for row in change.appearing {
            let text = Message("schedule_appear", ["row": name(row.ref), "reason": row.reason.message.text(in: language)]).text(in: language)
            lines.append("  + \(text)  [\(row.reason.code)]")
        }
        for row in change.disappearing {
            let text = Message("schedule_disappear", ["row": name(row.ref), "reason": row.reason.message.text(in: language)]).text(in: language)
            lines.append("  - \(text)  [\(row.reason.code)]")
        }
        return lines
    }

    private func printJSON(_ changes: [ScheduledChange], from start: CivilDate, titles: RowTitles) {
        func rows(_ rows: [ScheduledChange.Row]) -> [[String: String]] {
            rows.map { row in
                var fields = ["table": row.ref.table.rawValue, "id": row.ref.id, "reason": row.reason.code, "detail": row.reason.description]
                fields["title"] = titles.title(of: row.ref)
                return fields
            }
        }
        let object: [String: Any] = [
            "from": start.iso, "days": days, "audience": audience.rawValue,
            "changes": changes.map { ["date": $0.date.iso, "appear": rows($0.appearing), "disappear": rows($0.disappearing)] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        print(String(decoding: data, as: UTF8.self))
    }
}
