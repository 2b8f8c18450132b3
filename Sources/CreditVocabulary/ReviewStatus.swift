/// A row's review state on the credit platform.
public enum ReviewStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case draft = "draft"
    case pending = "pending"
    case approved = "approved"
    case rejected = "rejected"
    case withdrawn = "withdrawn"

    /// The Chinese label shown on pages.
    public var label: String {
        switch self {
        case .draft: return "草稿"
        case .pending: return "待审核"
        case .approved: return "已审核"
        case .rejected: return "已驳回"
        case .withdrawn: return "已撤回"
        }
    }
}
