import CreditVocabulary
import Foundation
import GRDB
import SnapshotModel

/// Decodes the fields of one snapshot row, collecting every problem instead of stopping at
/// the first, so that `gongshi check` can list them all. Accessors return a placeholder
/// when a field is bad; a row with problems is never used.
struct FieldDecoder {
    let row: Row
    let table: SnapshotTable
    let id: String
    private(set) var problems: [SnapshotProblem] = []

    init(row: Row, table: SnapshotTable, id: String) {
        self.row = row
        self.table = table
        self.id = id
    }

    private mutating func fail(_ column: String, _ message: String) {
        problems.append(SnapshotProblem(.error, table: table, rowID: id, column: column, message))
    }

    /// The column as text; nil for NULL. Numbers are read as their decimal text.
    private mutating func rawText(_ column: String) -> String? {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob:
            fail(column, "is a blob, expected text")
            return nil
        }
    }

    mutating func text(_ column: String) -> String {
        guard let value = rawText(column) else {
            fail(column, "is NULL, expected text")
            return ""
        }
        return value
    }

    mutating func optionalText(_ column: String) -> String? {
        guard let value = rawText(column) else { return nil }
        return value.isEmpty ? nil : value
    }

    mutating func date(_ column: String) -> CivilDate {
        guard let text = rawText(column) else {
            fail(column, "is NULL, expected a date YYYY-MM-DD")
            return CivilDate(dayNumber: 0)
        }
        guard let date = CivilDate(iso: text) else {
            fail(column, "'\(text)' is not a date YYYY-MM-DD")
            return CivilDate(dayNumber: 0)
        }
        return date
    }

    mutating func optionalDate(_ column: String) -> CivilDate? {
        guard let text = rawText(column), !text.isEmpty else { return nil }
        guard let date = CivilDate(iso: text) else {
            fail(column, "'\(text)' is not a date YYYY-MM-DD")
            return nil
        }
        return date
    }

    mutating func value<E: RawRepresentable & CaseIterable>(_ column: String, _: E.Type) -> E
    where E.RawValue == String {
        guard let text = rawText(column) else {
            fail(column, "is NULL, expected one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return E.allCases.first!
        }
        guard let value = E(rawValue: text) else {
            fail(column, "'\(text)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return E.allCases.first!
        }
        return value
    }

    mutating func optionalValue<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let text = rawText(column), !text.isEmpty else { return nil }
        guard let value = E(rawValue: text) else {
            fail(column, "'\(text)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    mutating func stringList(_ column: String) -> [String] {
        guard let text = rawText(column) else { return [] }
        guard let data = text.data(using: .utf8),
              let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let array = parsed as? [Any] else {
            fail(column, "'\(text)' is not a JSON array of strings")
            return []
        }
        var strings: [String] = []
        for element in array {
            guard let string = element as? String else {
                fail(column, "'\(text)' is not a JSON array of strings")
                return []
            }
            strings.append(string)
        }
        return strings
    }

    mutating func list<E: RawRepresentable & CaseIterable>(_ column: String, _: E.Type) -> [E]
    where E.RawValue == String {
        var values: [E] = []
        for text in stringList(column) {
            guard let value = E(rawValue: text) else {
                fail(column, "list item '\(text)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            values.append(value)
        }
        return values
    }

    mutating func optionalInt(_ column: String) -> Int? {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .int64(let number): return Int(number)
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
        case .string(let text) where Int(text) != nil: return Int(text)
        default:
            fail(column, "'\(value)' is not an integer")
            return nil
        }
    }

    mutating func optionalDouble(_ column: String) -> Double? {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .int64(let number): return Double(number)
        case .double(let number): return number
        case .string(let text) where Double(text) != nil: return Double(text)
        default:
            fail(column, "'\(value)' is not a number")
            return nil
        }
    }

    mutating func bool(_ column: String) -> Bool {
        switch optionalInt(column) {
        case nil, 0?: return false
        case 1?: return true
        case let other?:
            fail(column, "'\(other)' is not 0 or 1")
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
    mutating func problem(_ column: String, _ message: String) {
        fail(column, message)
    }
}
