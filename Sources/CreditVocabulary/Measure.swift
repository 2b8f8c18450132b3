/// A follow-up measure a verification report decides (处置措施).
public enum Measure: String, CaseIterable, Hashable, Sendable, Codable {
    case blacklist = "blacklist"
    case watchlist = "watchlist"
    case interview = "interview"
    case rectification = "rectification"
    case training = "training"
    case repairGuidance = "repair_guidance"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .blacklist: return "列入严重失信主体名单"
        case .watchlist: return "列入重点关注名单"
        case .interview: return "约谈"
        case .rectification: return "限期整改"
        case .training: return "信用修复培训"
        case .repairGuidance: return "信用修复指导"
        }
    }
}
