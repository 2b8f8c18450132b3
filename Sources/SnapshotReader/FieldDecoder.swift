import CreditVocabulary
import Foundation
import GRDB
import GRDBSQLite
import Messages
import SnapshotModel

/// Decodes the fields of one snapshot row, collecting every problem instead of stopping at
/// the first, so that `gongshi check` can list them all. Accessors return a placeholder
/// when a field is bad; a row with problems is never used.
struct FieldDecoder {
    /// The statement, stepped to the row; its columns are read with SQLite's own accessors
    /// (GRDB's generic row decoding cost a third of the read).
    let statement: SQLiteStatement
    let table: SnapshotTable
    let id: String
    /// The position of each selected column, looked up once per table.
    let columns: [String: Int32]
    private(set) var problems: [SnapshotProblem] = []
    /// Problems that do not withhold the row (characters removed from a text).
    private(set) var warnings: [SnapshotProblem] = []

    /// Shares the values of the table's low-cardinality columns.
    let interner: ColumnInterner?

    /// Columns the file lacks (`gongshi check` goes on past them): no problem is recorded.
    let ignored: Set<String>

    init(statement: SQLiteStatement, table: SnapshotTable, id: String, columns: [String: Int32], interner: ColumnInterner? = nil,
         ignoring ignored: Set<String> = []) {
        self.ignored = ignored
        self.statement = statement
        self.table = table
        self.id = id
        self.columns = columns
        self.interner = interner
    }

    /// The column's value (NULL for a column the query did not select).
    private func databaseValue(_ column: String) -> DatabaseValue {
        guard let index = columns[column] else { return .null }
        return DatabaseValue(sqliteStatement: statement, index: index)
    }

    /// The text of column `index` of the current row of `statement`, decoded as UTF-8.
    static func columnText(_ statement: SQLiteStatement, _ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private mutating func fail(_ column: String, _ code: String, _ arguments: [String: String] = [:]) {
        if ignored.contains(column) { return }
        problems.append(SnapshotProblem(.error, table: table, rowID: id, column: column, Message(code, arguments)))
    }

    /// The values an enumeration allows, as messages list them.
    private static func allowed<E: RawRepresentable & CaseIterable>(_: E.Type) -> String where E.RawValue == String {
        E.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The column as text; nil for NULL. Numbers are read as their decimal text.
    private mutating func rawText(_ column: String) -> String? {
        guard let index = columns[column] else { return nil }
        switch sqlite3_column_type(statement, index) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            var text = Self.columnText(statement, index)
            if let (kept, removed) = UnsafeCharacters.removing(from: text) {
                if !warnings.contains(where: { $0.column == column }) { warnings.append(SnapshotProblem(.warning, table: table, rowID: id, column: column,
                    UnsafeCharacters.warning(removed: removed))) }
                text = kept
            }
            if let interner, interner.isInterned(index) { return interner.string(text, at: index) }
            return text
        case SQLITE_INTEGER: return String(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return String(sqlite3_column_double(statement, index))
        default:
            fail(column, "blob_not_text")
            return nil
        }
    }

    mutating func text(_ column: String) -> String {
        guard let value = rawText(column) else {
            fail(column, "null_not_text")
            return ""
        }
        return value
    }

    mutating func optionalText(_ column: String) -> String? {
        guard let value = rawText(column) else { return nil }
        return value.isEmpty ? nil : value
    }

    /// The dates a snapshot may hold: a credit record is not older than the People's Republic,
    /// and a year past 2199 is a typing slip (9997 for 1997 or 2027) that calendar arithmetic
    /// must never meet.
    static let plausibleDates = CivilDate(year: 1949, month: 1, day: 1)!...CivilDate(year: 2199, month: 12, day: 31)!

    /// `text` as a message quotes it: at most 40 characters, so that a hostile field does not
    /// make a hostile message.
    static func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "'" + shown.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{" + String($0.value, radix: 16) + "}" : String($0) }
            .joined() + "'"
    }

    /// A date, or nil with a problem recorded: not `YYYY-MM-DD`, or outside ``plausibleDates``.
    private mutating func parsedDate(_ column: String, _ text: String) -> CivilDate? {
        guard let date = CivilDate(iso: text) else {
            fail(column, "date_invalid", ["value": Self.quoted(text)])
            return nil
        }
        guard Self.plausibleDates.contains(date) else {
            fail(column, "date_out_of_range", ["value": text])
            return nil
        }
        return date
    }

    mutating func date(_ column: String) -> CivilDate {
        guard let text = rawText(column) else {
            fail(column, "null_not_date")
            return CivilDate(dayNumber: 0)
        }
        return parsedDate(column, text) ?? CivilDate(dayNumber: 0)
    }

    mutating func optionalDate(_ column: String) -> CivilDate? {
        guard let text = rawText(column), !text.isEmpty else { return nil }
        return parsedDate(column, text)
    }

    mutating func value<E: RawRepresentable & CaseIterable>(_ column: String, _: E.Type) -> E
    where E.RawValue == String {
        guard let text = rawText(column) else {
            fail(column, "null_not_enum", ["allowed": Self.allowed(E.self)])
            return E.allCases.first!
        }
        guard let value = E(rawValue: text) else {
            fail(column, "enum_invalid", ["value": Self.quoted(text), "allowed": Self.allowed(E.self)])
            return E.allCases.first!
        }
        return value
    }

    mutating func optionalValue<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let text = rawText(column), !text.isEmpty else { return nil }
        guard let value = E(rawValue: text) else {
            fail(column, "enum_invalid", ["value": Self.quoted(text), "allowed": Self.allowed(E.self)])
            return nil
        }
        return value
    }

    mutating func stringList(_ column: String) -> [String] {
        guard let text = rawText(column) else { return [] }
        if let plain = Self.plainStringArray(text) { return plain }
        guard let data = text.data(using: .utf8),
              let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let array = parsed as? [Any] else {
            fail(column, "json_list_invalid", ["value": Self.quoted(text)])
            return []
        }
        var strings: [String] = []
        for element in array {
            guard let string = element as? String else {
                fail(column, "json_list_invalid", ["value": Self.quoted(text)])
                return []
            }
            strings.append(string)
        }
        return strings
    }

    /// The strings of a JSON array like `["a","b"]` whose strings hold no escape, read
    /// without Foundation's parser (almost every list); nil for anything else, which the
    /// full parser then reads or rejects.
    static func plainStringArray(_ text: String) -> [String]? {
        var utf8 = Substring(text).utf8
        func skipSpace() { while let byte = utf8.first, byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 { utf8.removeFirst() } }
        skipSpace()
        guard utf8.first == UInt8(ascii: "[") else { return nil }
        utf8.removeFirst()
        skipSpace()
        var strings: [String] = []
        if utf8.first == UInt8(ascii: "]") {
            utf8.removeFirst()
            skipSpace()
            return utf8.isEmpty ? strings : nil
        }
        while true {
            guard utf8.first == UInt8(ascii: "\"") else { return nil }
            utf8.removeFirst()
            guard let end = utf8.firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }),
                  utf8[end] == UInt8(ascii: "\"") else { return nil }
            strings.append(String(Substring(utf8[..<end])))
            utf8 = utf8[utf8.index(after: end)...]
            skipSpace()
            guard let separator = utf8.first else { return nil }
            utf8.removeFirst()
            skipSpace()
            if separator == UInt8(ascii: "]") { return utf8.isEmpty ? strings : nil }
            guard separator == UInt8(ascii: ",") else { return nil }
        }
    }

    mutating func list<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) -> [E]
    where E.RawValue == String {
        // An interned list column: a text seen before without a problem is decoded once.
        guard let interner, let index = columns[column], interner.isInterned(index),
              sqlite3_column_type(statement, index) == SQLITE_TEXT else { return decodeList(column, type) }
        let text = Self.columnText(statement, index)
        if let shared: [E] = interner.list(text, at: index) { return shared }
        let problemsBefore = problems.count
        let values = decodeList(column, type)
        if problems.count == problemsBefore { interner.keep(values, decodedFrom: text, at: index) }
        return values
    }

    private mutating func decodeList<E: RawRepresentable & CaseIterable>(_ column: String, _: E.Type) -> [E]
    where E.RawValue == String {
        var values: [E] = []
        for text in stringList(column) {
            guard let value = E(rawValue: text) else {
                fail(column, "list_item_invalid", ["value": Self.quoted(text), "allowed": Self.allowed(E.self)])
                continue
            }
            values.append(value)
        }
        return values
    }

    mutating func optionalInt(_ column: String) -> Int? {
        let value = databaseValue(column)
        switch value.storage {
        case .null: return nil
        case .int64(let number): return Int(number)
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
        case .string(let text) where Int(text) != nil: return Int(text)
        default:
            fail(column, "integer_invalid", ["value": Self.quoted("\(value)")])
            return nil
        }
    }

    mutating func optionalDouble(_ column: String) -> Double? {
        let value = databaseValue(column)
        switch value.storage {
        case .null: return nil
        case .int64(let number): return Double(number)
        case .double(let number): return number
        case .string(let text) where Double(text) != nil: return Double(text)
        default:
            fail(column, "number_invalid", ["value": Self.quoted("\(value)")])
            return nil
        }
    }

    mutating func bool(_ column: String) -> Bool {
        switch optionalInt(column) {
        case nil, 0?: return false
        case 1?: return true
        case let other?:
            fail(column, "boolean_invalid", ["value": "\(other)"])
            return false
        }
    }

    mutating func review() -> Review {
        let status = value("review_status", ReviewStatus.self)
        let approvedOn = optionalDate("approved_on")
        let scope = value("scope", Scope.self)
        return Review(status: status, approvedOn: approvedOn, scope: scope)
    }

    /// Records a problem that needs more than one field to see.
    mutating func problem(_ column: String, _ code: String, _ arguments: [String: String] = [:]) {
        fail(column, code, arguments)
    }
}
