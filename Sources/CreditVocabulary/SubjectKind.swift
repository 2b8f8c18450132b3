/// The kind of credit subject (信用主体).
public enum SubjectKind: String, CaseIterable, Hashable, Sendable, Codable {
    case legalPerson = "legal_person"
    case unincorporated = "unincorporated"
    case individualBusiness = "individual_business"
    case naturalPerson = "natural_person"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .legalPerson: return "法人"
        case .unincorporated: return "非法人组织"
        case .individualBusiness: return "个体工商户"
        case .naturalPerson: return "自然人"
        }
    }
}
