/// A step of credit repair (信用修复).
public enum RepairActionKind: String, CaseIterable, Hashable, Sendable, Codable {
    case training = "training"
    case creditReport = "credit_report"
    case commitment = "commitment"
    case publicService = "public_service"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .training: return "信用修复培训"
        case .creditReport: return "信用报告"
        case .commitment: return "信用承诺"
        case .publicService: return "公益服务"
        }
    }
}
