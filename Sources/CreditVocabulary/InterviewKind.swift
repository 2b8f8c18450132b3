/// The kind of a credit interview (约谈).
public enum InterviewKind: String, CaseIterable, Hashable, Sendable, Codable {
    case reminder = "reminder"
    case warning = "warning"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .reminder: return "提示约谈"
        case .warning: return "警示约谈"
        }
    }
}
