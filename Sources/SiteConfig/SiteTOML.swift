import TOMLKit

/// Reads `site.toml`: full TOML 1.0 through TOMLKit (toml++), turned into ``TOMLValue``
/// tables that the settings types check, and the line where each key first appears, so that
/// a message about a key can name its line.
///
/// TOMLKit names the line and column of a syntax error but keeps no position for the keys
/// of a document it has read: ``keyLines(_:)`` finds them in the text itself.
public enum SiteTOML {
    /// A syntax error: where it is and what toml++ says of it (in English; toml++ has no
    /// other language).
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
        /// What is wrong.
        public var message: String

        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// The document as nested tables.
    public static func parse(_ text: String) throws -> [String: TOMLValue] {
        try parseWithLines(text).root
    }

    /// The document as nested tables, and the line where each key (dotted:
    /// `policy.periods.general_record`) and each table first appears.
    public static func parseWithLines(_ text: String) throws -> (root: [String: TOMLValue], lines: [String: Int]) {
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SyntaxError(line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        }
        return (table(document), keyLines(text))
    }

    /// `table` as ``TOMLValue``s.
    static func table(_ table: TOMLTable) -> [String: TOMLValue] {
        var result: [String: TOMLValue] = [:]
        for (key, value) in table { result[key] = Self.value(value.tomlValue) }
        return result
    }

    /// `value` as a ``TOMLValue``: floats, dates and times, which no setting takes, as
    /// ``TOMLValue/other(_:)`` naming their type, for the settings to refuse.
    static func value(_ value: TOMLKit.TOMLValue) -> TOMLValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .array: return .array((value.array.map(Array.init) ?? []).map { Self.value($0.tomlValue) })
        case .table: return .table(value.table.map(table) ?? [:])
        case .double, .date, .time, .dateTime: return .other(value.type.rawValue)
        }
    }

    /// The line of each key and table header of `text`, by its dotted path, as a reader sees
    /// them: `[table]` and `[[array]]` headers, `key = …` and `dotted.key = …` lines (bare
    /// and quoted keys), skipping the insides of multi-line strings. Only for messages: a key
    /// it cannot place has no line, and the message still names the key.
    static func keyLines(_ text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        var current: [String] = []
        var openString: String?  // the quotes of a multi-line string still open
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if let quotes = openString {
                if line.contains(quotes) { openString = nil }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[") {
                let inner = trimmed.drop { $0 == "[" }
                guard let path = dottedKey(inner, until: "]") else { continue }
                current = path.keys
                note(current, index + 1, in: &lines)
            } else if let path = dottedKey(trimmed[...], until: "="), !path.keys.isEmpty {
                note(current + path.keys, index + 1, in: &lines)
                let value = path.rest
                for quotes in ["\"\"\"", "'''"] where value.components(separatedBy: quotes).count == 2 {
                    openString = quotes
                }
            }
        }
        return lines
    }

    private static func note(_ path: [String], _ line: Int, in lines: inout [String: Int]) {
        for end in path.indices {
            let key = path[...end].joined(separator: ".")
            if lines[key] == nil { lines[key] = line }
        }
    }

    /// The dotted key at the start of `text` up to `end` (`]` or `=`), and what follows it.
    private static func dottedKey(_ text: Substring, until end: Character) -> (keys: [String], rest: String)? {
        var keys: [String] = []
        var rest = text
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: first) else { return nil }
                keys.append(String(body[..<close]))
                rest = body[body.index(after: close)...]
            } else {
                let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                guard !key.isEmpty else { return nil }
                keys.append(String(key))
                rest = rest.dropFirst(key.count)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let next = rest.first else { return nil }
            if next == "." { rest = rest.dropFirst(); continue }
            guard next == end else { return nil }
            return (keys, String(rest.dropFirst()))
        }
    }
}
