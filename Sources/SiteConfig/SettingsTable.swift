import Messages
/// One `[NAME]` table of site.toml as a settings type reads it: a key the type does not know
/// is an error, and so is an empty or non-string text, each message naming `NAME.key`.
struct SettingsTable {
    let values: [String: TOMLValue]
    let name: String
    let fail: (_ code: String, _ key: String) -> SiteFolderError

    /// The table `values` of `[name]`, whose keys must all be in `known`.
    init(_ values: [String: TOMLValue], name: String, known: Set<String>, fail: @escaping (_ code: String, _ key: String) -> SiteFolderError) throws {
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw SiteFolderError.unknownKey("\(name).\(unknown)")
        }
        self.values = values
        self.name = name
        self.fail = fail
    }

    /// The non-empty text at `key`, nil when absent.
    func string(_ key: String) throws -> String? {
        guard let value = values[key] else { return nil }
        guard let text = value.string, !text.isEmpty else { throw fail("site_not_nonempty_string", "\(name).\(key)") }
        return text
    }

    /// The integer at `key` when it is in `range` (nil when absent).
    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[key] else { return nil }
        guard let number = value.integer, range.contains(number) else {
            let path = "\(name).\(key)"
            if range == 1...Int.max { throw fail("site_not_positive_integer", path) }
            throw SiteFolderError(Message("site_not_integer_in", ["key": path, "low": "\(range.lowerBound)", "high": "\(range.upperBound)"]), key: path)
        }
        return number
    }
}
