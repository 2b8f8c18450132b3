/// A method used to verify a case (核查方式).
public enum VerificationMethod: String, CaseIterable, Hashable, Sendable, Codable {
    case interview = "访谈"
    case symposium = "座谈"
    case letterInquiry = "函询"
    case questionnaire = "问卷调查"
    case dataAnalysis = "大数据分析核验"
    case onSiteInvestigation = "现场调查"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .interview: return "访谈"
        case .symposium: return "座谈"
        case .letterInquiry: return "函询"
        case .questionnaire: return "问卷调查"
        case .dataAnalysis: return "大数据分析核验"
        case .onSiteInvestigation: return "现场调查"
        }
    }
}
