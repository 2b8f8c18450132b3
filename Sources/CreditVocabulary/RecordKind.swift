/// The kind of a credit record (信用记录).
public enum RecordKind: String, CaseIterable, Hashable, Sendable, Codable {
    case administrativePenalty = "administrative_penalty"
    case inspection = "inspection"
    case judgment = "judgment"
    case enforcement = "enforcement"
    case verificationFinding = "verification_finding"
    case other = "other"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .administrativePenalty: return "行政处罚"
        case .inspection: return "监督检查"
        case .judgment: return "司法判决"
        case .enforcement: return "强制执行"
        case .verificationFinding: return "核查认定"
        case .other: return "其他失信记录"
        }
    }
}
