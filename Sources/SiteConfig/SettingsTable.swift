/// One `[NAME]` table of site.toml as a settings type reads it: a key the type does not know
/// is an error, and so is an empty or non-string text, each message naming `NAME.key`.
struct SettingsTable {
    let values: [String: TOMLValue]
    let name: String
    let fail: (String) -> SiteFolderError

    /// The table `values` of `[name]`, whose keys must all be in `known`.
    init(_ values: [String: TOMLValue], name: String, known: Set<String>, fail: @escaping (String) -> SiteFolderError) throws {
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
        guard let text = value.string, !text.isEmpty else { throw fail("\(name).\(key) must be a non-empty string") }
        return text
    }

    /// The integer at `key` when it is in `range` (nil when absent); `rule` says what it must be.
    func integer(_ key: String, in range: ClosedRange<Int>, rule: String) throws -> Int? {
        guard let value = values[key] else { return nil }
        guard let number = value.integer, range.contains(number) else { throw fail("\(name).\(key) must be \(rule)") }
        return number
    }
}
