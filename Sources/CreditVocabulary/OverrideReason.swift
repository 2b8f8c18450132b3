/// Why a reviewer asked for an extra redaction.
public enum OverrideReason: String, CaseIterable, Hashable, Sendable, Codable {
    case tradeSecret = "trade_secret"
    case personalData = "personal_data"
    case stateSecret = "state_secret"
    case other = "other"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .tradeSecret: return "商业秘密"
        case .personalData: return "个人信息"
        case .stateSecret: return "国家秘密"
        case .other: return "其他"
        }
    }
}
