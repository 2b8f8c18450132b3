import Messages
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

    /// Reads the `[objections]` table; unknown keys are errors.
    init(table values: [String: TOMLValue], _ fail: @escaping (_ code: String, _ key: String) -> SiteFolderError) throws {
        let table = try SettingsTable(values, name: "objections", known: ["office", "address", "phone", "online", "hours", "answer_working_days"],
                                      fail: fail)
        office = try table.string("office")
        address = try table.string("address")
        phone = try table.string("phone")
        hours = try table.string("hours")
        if let online = try table.string("online") {
            guard online.hasPrefix("https://") || online.hasPrefix("http://") else {
                throw fail("site_not_url", "objections.online")
            }
            self.online = online
        }
        answerWorkingDays = try table.integer("answer_working_days", in: 1...90)
    }
}
