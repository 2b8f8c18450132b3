import Messages
import CreditVocabulary
import DisclosurePolicy
import WorkingDays

/// The settings of `site.toml`.
///
/// ```toml
/// title = "失信案例核查"
/// publisher = "某市社会信用体系建设领导小组办公室"
/// base_url = "https://www.example.gov.cn/xyzx/sxalhc/"
/// description = "..."
/// list_page_size = 50
/// feed_items = 50
/// search_block_postings = 1500  # a search term's documents per file, for frequent terms
///
/// [privacy]
/// subject_slug_key = "a long random secret"
/// mask_context_names = true     # names after 联系人, 患者, 当事人… (default on)
///
/// [policy]
/// objections = "suspend"        # or "annotate"
///
/// [policy.periods]              # calendar periods: "3m", "1y"
/// general_record = "1y"
///
/// [limits]
/// markdown_field_characters = 262144   # a longer Markdown field withholds its row
///
/// [calendar.2027]               # a year the built-in working-day calendar lacks
/// days_off = ["2027-01-01", "2027-02-06..2027-02-12"]
/// workdays = ["2027-02-14"]
/// ```
public struct SiteConfiguration: Sendable {
    /// The column's title.
    public var title = "失信案例核查"
    /// A one-line description (home page, feed).
    public var description = "失信案例核查结果、信用记录、红黑名单与信用承诺公示"
    /// The publishing office.
    public var publisher = ""
    /// Absolute URL of the output folder on the web host, ending in `/` (feed, sitemap).
    public var baseURL = "http://localhost/"
    /// Entries per list page.
    public var listPageSize = 50
    /// Items in `feed.xml`.
    public var feedItems = 50
    /// Documents per block of a frequent search term's posting list (a list of more than
    /// twice this is split into blocks read newest first): smaller blocks, fewer bytes per
    /// query and more files.
    public var searchBlockPostings = 1_500
    /// Secret for natural persons' page slugs; nil when the site did not set one.
    public var subjectSlugKey: [UInt8]?

    /// Whether names the snapshot does not know are masked after context words (联系人张某,
    /// 患者…): `privacy.mask_context_names`, on unless a site turns it off.
    public var masksContextNames = true
    /// The longest Markdown field a row may have, in characters (`limits.markdown_field_characters`):
    /// a longer one withholds its row, so that no field can hold a build or a preview request.
    public var maximumMarkdownCharacters = 262_144

    /// The key used when `site.toml` sets none (the site folder loader warns about it).
    public static let fallbackSubjectSlugKey = Array("gongshi: set privacy.subject_slug_key in site.toml".utf8)
    /// The key of the demo site folder (the repository's `site.toml`): public, so anyone can
    /// compute natural persons' page addresses with it.
    public static let demoSubjectSlugKey = Array("demo-only-key-change-me-7f3a9c2e".utf8)

    /// A warning when the site uses the demo's slug key for a snapshot that is not demo data
    /// (`isDemo`), or nil.
    public func slugKeyWarning(snapshotIsDemo isDemo: Bool) -> Message? {
        guard subjectSlugKey == Self.demoSubjectSlugKey, !isDemo else { return nil }
        return Message("site_demo_slug_key")
    }

    /// The slug key every part of gongshi uses: the site's, else the fallback.
    public var effectiveSubjectSlugKey: [UInt8] { subjectSlugKey ?? Self.fallbackSubjectSlugKey }
    /// Places (`table.column`) whose snapshot warnings the site expects (`[warnings] expected`):
    /// the build counts them in one line instead of printing them; check and the build
    /// report still list each.
    public var expectedWarnings: Set<String> = []
    /// Where citizens lodge objections (`[objections]`).
    public var objections = ObjectionSettings()
    /// Where `gongshi publish` sends the site (`[publish]`).
    public var publishing = PublishConfiguration()
    /// Disclosure policy choices.
    public var policy = PolicyConfiguration()
    /// Working days: the built-in 2019-2026 data plus the years of `[calendar.YYYY]`.
    public var calendar = WorkingDayCalendar.builtIn

    /// The defaults.
    public init() {}

    /// Reads a parsed `site.toml`; unknown keys are errors, so typos do not pass silently.
    public init(toml: [String: TOMLValue]) throws {
        func fail(_ code: String, _ key: String) -> SiteFolderError { SiteFolderError(Message(code, ["key": key]), key: key) }
        func string(_ table: [String: TOMLValue], _ key: String, _ path: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string else { throw fail("site_not_string", path + key) }
            return string
        }
        func integer(_ table: [String: TOMLValue], _ key: String, range: ClosedRange<Int>) throws -> Int? {
            guard let value = table[key] else { return nil }
            guard let number = value.integer, range.contains(number) else {
                throw SiteFolderError(Message("site_not_integer_in", ["key": key, "low": "\(range.lowerBound)", "high": "\(range.upperBound)"]), key: key)
            }
            return number
        }
        let known: Set<String> = ["title", "description", "publisher", "base_url", "list_page_size", "feed_items", "search_block_postings",
                                  "privacy", "policy", "calendar", "limits", "publish", "objections", "warnings"]
        if let unknown = toml.keys.sorted().first(where: { !known.contains($0) }) {
            throw SiteFolderError.unknownKey(unknown)
        }
        title = try string(toml, "title", "") ?? title
        description = try string(toml, "description", "") ?? description
        publisher = try string(toml, "publisher", "") ?? publisher
        if let url = try string(toml, "base_url", "") {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw fail("site_not_url", "base_url")
            }
            baseURL = url.hasSuffix("/") ? url : url + "/"
        }
        listPageSize = try integer(toml, "list_page_size", range: 1...1000) ?? listPageSize
        feedItems = try integer(toml, "feed_items", range: 1...1000) ?? feedItems
        searchBlockPostings = try integer(toml, "search_block_postings", range: 4...100_000) ?? searchBlockPostings
        if let limits = toml["limits"] {
            guard let table = limits.table else { throw fail("site_not_table", "limits") }
            if let unknown = table.keys.sorted().first(where: { $0 != "markdown_field_characters" }) {
                throw SiteFolderError.unknownKey("limits.\(unknown)")
            }
            maximumMarkdownCharacters = try integer(table, "markdown_field_characters", range: 1_000...16_777_216)
                ?? maximumMarkdownCharacters
        }
        if let warnings = toml["warnings"] {
            guard let table = warnings.table else { throw fail("site_not_table", "warnings") }
            if let unknown = table.keys.sorted().first(where: { $0 != "expected" }) {
                throw SiteFolderError.unknownKey("warnings.\(unknown)")
            }
            if let list = table["expected"] {
                let invalid = SiteFolderError(Message("site_warnings_expected"), key: "warnings.expected")
                guard case .array(let items) = list else { throw invalid }
                let places = items.compactMap(\.string)
                guard places.count == items.count, places.allSatisfy({ $0.split(separator: ".").count == 2 }) else { throw invalid }
                expectedWarnings = Set(places)
            }
        }
        if let objections = toml["objections"] {
            guard let table = objections.table else { throw fail("site_not_table", "objections") }
            self.objections = try ObjectionSettings(table: table, fail)
        }
        if let publish = toml["publish"] {
            guard let table = publish.table else { throw fail("site_not_table", "publish") }
            publishing = try PublishConfiguration(table: table, fail)
        }
        if let privacy = toml["privacy"] {
            guard let table = privacy.table else { throw fail("site_not_table", "privacy") }
            if let unknown = table.keys.sorted().first(where: { $0 != "subject_slug_key" && $0 != "mask_context_names" }) {
                throw SiteFolderError.unknownKey("privacy.\(unknown)")
            }
            if let value = table["mask_context_names"] {
                guard let flag = value.boolean else { throw fail("site_not_boolean", "privacy.mask_context_names") }
                masksContextNames = flag
            }
            if let key = try string(table, "subject_slug_key", "privacy.") {
                guard key.utf8.count >= 16 else { throw fail("site_slug_key_short", "privacy.subject_slug_key") }
                subjectSlugKey = Array(key.utf8)
            }
        }
        if let policyValue = toml["policy"] {
            guard let table = policyValue.table else { throw fail("site_not_table", "policy") }
            if let unknown = table.keys.sorted().first(where: { $0 != "objections" && $0 != "periods" }) {
                throw SiteFolderError.unknownKey("policy.\(unknown)")
            }
            if let mode = try string(table, "objections", "policy.") {
                guard let parsed = PolicyConfiguration.ObjectionMode(rawValue: mode) else {
                    throw fail("site_objections_mode", "policy.objections")
                }
                policy.objectionMode = parsed
            }
            if let periods = table["periods"] {
                guard let periods = periods.table else { throw fail("site_not_table", "policy.periods") }
                try applyPeriods(periods, fail)
            }
        }
        if let calendarValue = toml["calendar"] {
            guard let table = calendarValue.table else { throw fail("site_calendar_tables", "calendar") }
            try applyCalendar(table, fail)
        }
    }

    private mutating func applyCalendar(_ table: [String: TOMLValue], _ fail: (String, String) -> SiteFolderError) throws {
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            guard let year = Int(key), (2000...2100).contains(year), let entries = value.table else {
                throw fail("site_calendar_year", "calendar.\(key)")
            }
            if let unknown = entries.keys.sorted().first(where: { $0 != "days_off" && $0 != "workdays" }) {
                throw SiteFolderError.unknownKey("calendar.\(key).\(unknown)")
            }
            func dates(_ name: String) throws -> [String] {
                guard let array = entries[name] else { return [] }
                guard case .array(let values) = array else { throw fail("site_calendar_dates", "calendar.\(key).\(name)") }
                return try values.map { value in
                    guard let text = value.string else { throw fail("site_calendar_dates", "calendar.\(key).\(name)") }
                    return text
                }
            }
            let arrangement: WorkingDayCalendar.Year
            do {
                arrangement = try WorkingDayCalendar.Year(daysOff: try dates("days_off"), workdays: try dates("workdays"))
            } catch let error as WorkingDayCalendar.CalendarError {
                throw SiteFolderError(Message("site_calendar_invalid", ["key": key, "problem": "\(error)"]), key: "calendar.\(key)")
            }
            let all = arrangement.daysOff.union(arrangement.workdays)
            if let stray = all.first(where: { $0.year != year }) {
                throw SiteFolderError(Message("site_calendar_stray", ["key": key, "date": "\(stray)", "year": "\(year)"]), key: "calendar.\(key)")
            }
            calendar = calendar.adding(year, arrangement)
        }
    }

    nonisolated(unsafe) private static let periodKeys: [String: WritableKeyPath<PolicyConfiguration, CivilDate.Period>] = [
        "general_record": \.generalRecordPeriod, "general_record_minimum": \.generalRecordMinimum,
        "serious_record": \.seriousRecordPeriod, "serious_record_minimum": \.seriousRecordMinimum,
        "black_list": \.blackListPeriod, "black_list_minimum": \.blackListMinimum,
        "watch_list": \.watchListPeriod, "red_list": \.redListPeriod, "commitment": \.commitmentPeriod,
        "report": \.reportPeriod,
    ]

    private mutating func applyPeriods(_ table: [String: TOMLValue], _ fail: (String, String) -> SiteFolderError) throws {
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            guard let path = Self.periodKeys[key] else { throw SiteFolderError.unknownKey("policy.periods.\(key)") }
            guard let text = value.string, let period = Self.parsePeriod(text) else {
                throw fail("site_period", "policy.periods.\(key)")
            }
            policy[keyPath: path] = period
        }
    }

    /// `"3m"` → 3 months, `"1y"` → 1 year.
    static func parsePeriod(_ text: String) -> CivilDate.Period? {
        guard let unit = text.last, let count = Int(text.dropLast()), (1...50 * 12).contains(count) else { return nil }
        switch unit {
        case "m": return .months(count)
        case "y": return .years(count)
        default: return nil
        }
    }
}
