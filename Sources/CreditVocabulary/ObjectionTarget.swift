/// The table an objection disputes a row of.
public enum ObjectionTarget: String, CaseIterable, Hashable, Sendable, Codable {
    case records = "records"
    case listEntries = "list_entries"
    case verificationReports = "verification_reports"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .records: return "信用记录"
        case .listEntries: return "名单"
        case .verificationReports: return "核查报告"
        }
    }
}
