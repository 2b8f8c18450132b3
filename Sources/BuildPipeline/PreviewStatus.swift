import CreditVocabulary
import DisclosurePolicy

/// What the preview banner says about a row: its review state, and whether and when the
/// public will see it.
public struct PreviewStatus: Sendable {
    /// 草稿, 待审核, 已审核, ...
    public var review: String
    /// 社会公开 or 政务共享（不宜公开）, when the row has a scope.
    public var scope: String?
    /// The public window, or why there never is one.
    public var window: String
    /// Where the row stands for the public on the as-of date.
    public var today: String
    /// Whether the public site shows the row on the as-of date.
    public var isPublicToday: Bool
}
