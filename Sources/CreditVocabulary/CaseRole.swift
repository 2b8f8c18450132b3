/// A subject's role in a case.
public enum CaseRole: String, CaseIterable, Hashable, Sendable, Codable {
    case involved = "involved"
    case responsible = "responsible"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .involved: return "涉事主体"
        case .responsible: return "责任主体"
        }
    }
}
