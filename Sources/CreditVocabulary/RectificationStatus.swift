/// Where a rectification (限期整改) stands.
public enum RectificationStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case open = "open"
    case completed = "completed"
    case overdue = "overdue"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .open: return "整改中"
        case .completed: return "已整改"
        case .overdue: return "逾期未整改"
        }
    }
}
