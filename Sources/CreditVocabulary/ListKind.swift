/// The three credit lists (红黑名单).
public enum ListKind: String, CaseIterable, Hashable, Sendable, Codable {
    case red = "red"
    case black = "black"
    case watch = "watch"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .red: return "守信红名单"
        case .black: return "严重失信主体名单"
        case .watch: return "重点关注名单"
        }
    }
}
