/// Where an objection (异议) stands.
public enum ObjectionStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case pending = "pending"
    case upheld = "upheld"
    case rejected = "rejected"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .pending: return "异议核实中"
        case .upheld: return "异议成立"
        case .rejected: return "异议不成立"
        }
    }
}
