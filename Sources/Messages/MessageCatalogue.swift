/// Every message gongshi's commands print, by code, in Chinese and English: the one place
/// where their words live. Templates name their values `{name}`; a test checks that both
/// languages of each code name the same values and that every code the sources use is here.
public enum MessageCatalogue {
    /// One message in both languages.
    public struct Entry: Sendable {
        /// 中文 template.
        public var chinese: String
        /// English template.
        public var english: String
    }

    /// The groups of entries, by concern (each file `MessageCatalogue+Concern.swift` holds one).
    static let groups: [[(code: String, chinese: String, english: String)]] = [snapshot, policy, site, build, output, commands, preview]

    /// Every entry by code.
    public static let entries: [String: Entry] = {
        var entries: [String: Entry] = [:]
        for group in groups {
            for line in group { entries[line.code] = Entry(chinese: line.chinese, english: line.english) }
        }
        return entries
    }()

    /// The codes listed more than once (a test keeps this empty).
    static var repeatedCodes: [String] {
        let codes = groups.flatMap { $0.map(\.code) }
        return Dictionary(grouping: codes, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    }

    /// The `{name}` placeholders of `code` in each language.
    public static func placeholders(of code: String) -> (chinese: Set<String>, english: Set<String>)? {
        entries[code].map { (Message.placeholders(of: $0.chinese), Message.placeholders(of: $0.english)) }
    }
}
