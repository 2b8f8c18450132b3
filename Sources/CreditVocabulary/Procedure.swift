/// The procedure under which a penalty was decided.
public enum Procedure: String, CaseIterable, Hashable, Sendable, Codable {
    case simplified = "simplified"
    case ordinary = "ordinary"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .simplified: return "简易程序"
        case .ordinary: return "普通程序"
        }
    }
}
