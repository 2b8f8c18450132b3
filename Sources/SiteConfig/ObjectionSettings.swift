/// `[objections]` in site.toml: where citizens lodge an objection (异议申请) and how soon
/// they get an answer, shown in every page's footer and on every record page.
///
/// ```toml
/// [objections]
/// office = "某市发展和改革委员会信用科"
/// address = "某市某区某路 1 号"
/// phone = "0591-12345678"
/// online = "https://www.example.gov.cn/xyzx/yysq/"
/// hours = "工作日 9:00-12:00，14:00-17:30"
/// answer_working_days = 20
/// ```
public struct ObjectionSettings: Equatable, Sendable {
    /// The office that receives objections.
    public var office: String?
    /// Its postal address.
    public var address: String?
    /// Its phone number.
    public var phone: String?
    /// The online form, an absolute http(s) address.
    public var online: String?
    /// Office hours.
    public var hours: String?
    /// Working days within which an objection is answered.
    public var answerWorkingDays: Int?

    /// Nothing configured.
    public init() {}

    /// Whether any contact is set.
    public var isEmpty: Bool { [office, address, phone, online, hours].allSatisfy { $0 == nil } && answerWorkingDays == nil }

    /// Reads the `[objections]` table; unknown keys are errors.
    init(table: [String: TOMLValue], _ fail: (String) -> SiteFolderError) throws {
        let known: Set<String> = ["office", "address", "phone", "online", "hours", "answer_working_days"]
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("unknown key 'objections.\(unknown)'")
        }
        func string(_ key: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string, !text.isEmpty else { throw fail("objections.\(key) must be a non-empty string") }
            return text
        }
        office = try string("office")
        address = try string("address")
        phone = try string("phone")
        hours = try string("hours")
        if let online = try string("online") {
            guard online.hasPrefix("https://") || online.hasPrefix("http://") else {
                throw fail("objections.online must be an absolute http(s) URL")
            }
            self.online = online
        }
        if let value = table["answer_working_days"] {
            guard let days = value.integer, (1...90).contains(days) else {
                throw fail("objections.answer_working_days must be an integer in 1...90")
            }
            answerWorkingDays = days
        }
    }
}
