/// The conclusion of a verification report.
public enum ReportConclusion: String, CaseIterable, Hashable, Sendable, Codable {
    case confirmed = "confirmed"
    case partiallyConfirmed = "partially_confirmed"
    case unfounded = "unfounded"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .confirmed: return "属实"
        case .partiallyConfirmed: return "部分属实"
        case .unfounded: return "不属实（澄清）"
        }
    }
}
