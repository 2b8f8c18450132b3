/// The kind of a credit commitment (信用承诺).
public enum CommitmentKind: String, CaseIterable, Hashable, Sendable, Codable {
    case approvalNotice = "approval_notice"
    case certificationNotice = "certification_notice"
    case voluntary = "voluntary"
    case repair = "repair"
    case industry = "industry"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .approvalNotice: return "审批告知承诺"
        case .certificationNotice: return "证明事项告知承诺"
        case .voluntary: return "主动公示的自我承诺"
        case .repair: return "信用修复承诺"
        case .industry: return "行业自律承诺"
        }
    }
}
