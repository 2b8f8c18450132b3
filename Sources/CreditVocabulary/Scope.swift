/// Who a row is meant for: the public or government departments only (不宜公开).
public enum Scope: String, CaseIterable, Hashable, Sendable, Codable {
    case `public` = "public"
    case `internal` = "internal"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .`public`: return "社会公开"
        case .`internal`: return "政务共享（不宜公开）"
        }
    }
}
