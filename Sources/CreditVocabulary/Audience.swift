/// Who a build is for.
public enum Audience: String, CaseIterable, Hashable, Sendable, Codable {
    case `public` = "public"
    case `internal` = "internal"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .`public`: return "社会公众"
        case .`internal`: return "政务内部"
        }
    }
}
