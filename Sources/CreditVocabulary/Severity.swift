/// How serious a record is (失信程度).
public enum Severity: String, CaseIterable, Hashable, Sendable, Codable {
    case minor = "minor"
    case general = "general"
    case serious = "serious"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .minor: return "轻微"
        case .general: return "一般"
        case .serious: return "严重"
        }
    }
}
