/// A kind of administrative penalty (处罚种类).
public enum PenaltyType: String, CaseIterable, Hashable, Sendable, Codable {
    case warning = "warning"
    case noticeOfCriticism = "notice_of_criticism"
    case fine = "fine"
    case confiscation = "confiscation"
    case licenseSuspension = "license_suspension"
    case licenseRevocation = "license_revocation"
    case productionSuspension = "production_suspension"
    case detention = "detention"
    case other = "other"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .warning: return "警告"
        case .noticeOfCriticism: return "通报批评"
        case .fine: return "罚款"
        case .confiscation: return "没收违法所得、没收非法财物"
        case .licenseSuspension: return "暂扣许可证件"
        case .licenseRevocation: return "吊销许可证件"
        case .productionSuspension: return "责令停产停业"
        case .detention: return "行政拘留"
        case .other: return "其他"
        }
    }
}
