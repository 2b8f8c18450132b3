import CreditVocabulary
import JSONText
import Redaction

/// A list (红名单, 黑名单, 重点关注名单) as files to download: CSV in UTF-8 with a byte-order
/// mark (so that Excel opens it as UTF-8) and JSON, one line per entry in the order of the
/// list's pages, made from the same redacted values as those pages and nothing else.
public struct ListDownload: Sendable {
    /// One column: its Chinese heading (the CSV's), its JSON key, and what it holds.
    public struct Column: Sendable {
        /// Heading, as on the list page.
        public let heading: String
        /// JSON key.
        public let key: String
        /// What it holds, for the data dictionary page.
        public let meaning: String
    }

    /// The columns, in order.
    public static let columns: [Column] = [
        Column(heading: "名单", key: "list", meaning: "红名单、黑名单或重点关注名单"),
        Column(heading: "主体名称", key: "name", meaning: "列入名单的主体；自然人按规定只显示姓氏"),
        Column(heading: "统一社会信用代码", key: "uscc", meaning: "法人和非法人组织的代码，自然人为空"),
        Column(heading: "认定部门", key: "authority", meaning: "作出列入决定的部门"),
        Column(heading: "列入日期", key: "listed_on", meaning: "YYYY-MM-DD"),
        Column(heading: "公示截止", key: "last_day", meaning: "公示期的最后一天，YYYY-MM-DD；届时如无变化即停止公示"),
        Column(heading: "异议核实中", key: "objection_pending", meaning: "主体提出的异议正在核实：CSV 中为“是”，JSON 中为 true"),
        Column(heading: "页面地址", key: "url", meaning: "本条信息所在的主体页面"),
    ]

    /// The file's name within the list's folder: `black.csv`, `black.json`.
    public static func fileName(_ list: ListKind, format: Format) -> String { "\(list.rawValue).\(format.rawValue)" }

    /// CSV or JSON.
    public enum Format: String, Sendable, CaseIterable, Codable {
        /// UTF-8 with a byte-order mark, CRLF line ends (RFC 4180).
        case csv
        /// A JSON object with the list's name, the columns and the entries.
        case json
    }

    /// The rows, each a value per column.
    let rows: [[String]]
    let list: ListKind

    /// The download of `list`'s `entries` (those shown, in the list's order); page
    /// addresses are absolute under `baseURL`.
    public init(_ list: ListKind, entries: [(PublicListEntry, PublicSubject, DisclosureNote?)], baseURL: String) {
        self.list = list
        rows = entries.map { entry, subject, note in
            [list.label, subject.name.value, subject.uscc?.value ?? "", entry.authority.value, entry.listedOn.iso,
             note?.lastDay.iso ?? "", note?.objectionPending == true ? "是" : "", baseURL + SitePaths.subject(subject.slug) + "#" + entry.path]
        }
    }

    /// The file in `format`.
    public func text(_ format: Format) -> String {
        switch format {
        case .csv: return csv
        case .json: return json
        }
    }

    /// `\u{FEFF}` then a heading line and a line per entry, CRLF-terminated.
    var csv: String {
        var text = "\u{FEFF}"
        for line in [Self.columns.map(\.heading)] + rows {
            text += line.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// `{"list": …, "columns": [keys], "entries": [{key: value}…]}`, one entry a line;
    /// `objection_pending` is `true` or `false`. `<`, `>` and `&` are escaped (`\u003c`), so
    /// that the file holds no markup even if a web server served it as HTML.
    var json: String {
        let keys = Self.columns.map(\.key)
        var text = "{\n\"list\": \(JSONText.quoted(list.label)),\n\"columns\": [" + keys.map { JSONText.quoted($0) }.joined(separator: ", ")
            + "],\n\"entries\": ["
        for (index, row) in rows.enumerated() {
            // 异议核实中 as a boolean; every other value as the text the page shows.
            text += (index == 0 ? "\n" : ",\n") + "{" + zip(keys, row).map { key, value in
                "\(JSONText.quoted(key)): " + (key == "objection_pending" ? (value.isEmpty ? "false" : "true") : JSONText.quoted(value, escapingMarkup: true))
            }.joined(separator: ", ") + "}"
        }
        return text + (rows.isEmpty ? "]\n}\n" : "\n]\n}\n")
    }

    /// A CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled);
    /// a value that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) starts
    /// with `'`, which shows it as text.
    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
