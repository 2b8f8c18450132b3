/// Where a commitment stands.
public enum CommitmentStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case inForce = "in_force"
    case fulfilled = "fulfilled"
    case breached = "breached"
    case withdrawn = "withdrawn"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .inForce: return "履行中"
        case .fulfilled: return "已履行"
        case .breached: return "已违诺"
        case .withdrawn: return "已撤回"
        }
    }
}
