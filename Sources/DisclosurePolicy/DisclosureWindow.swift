import CreditVocabulary

/// The days a row is shown: `[start, end)`, start included, end excluded.
public struct DisclosureWindow: Hashable, Sendable {
    /// Why a window ends when it does.
    public enum EndCause: String, Hashable, Sendable, Codable {
        /// The default or maximum period ran out.
        case periodEnded = "period_end"
        /// The list entry's or commitment's `valid_until`.
        case validUntil = "valid_until"
        /// The authority's `publish_until`.
        case publishUntil = "publish_until"
        /// Credit repair completed (`repaired_on`).
        case repaired = "repair"
        /// The decision was revoked or changed (`revoked_on`).
        case revoked = "revocation"
        /// The entry was removed from its list (`removed_on`).
        case removedFromList = "list_removal"

        /// Chinese label, written to follow 届时 (at that day): pages say when a shown row
        /// will stop being shown and why, and a reader must not take it for past.
        public var label: String {
            switch self {
            case .periodEnded: return "公示期满"
            case .validUntil: return "有效期届满"
            case .publishUntil: return "到达决定机关确定的公示截止日"
            case .repaired: return "信用修复完成"
            case .revoked: return "决定撤销或变更生效"
            case .removedFromList: return "移出名单"
            }
        }
    }

    /// First day shown.
    public var start: CivilDate
    /// First day no longer shown.
    public var end: CivilDate
    /// Why it ends on `end`.
    public var endCause: EndCause

    /// A window.
    public init(start: CivilDate, end: CivilDate, endCause: EndCause) {
        self.start = start
        self.end = end
        self.endCause = endCause
    }

    /// Whether `date` is inside `[start, end)`.
    public func contains(_ date: CivilDate) -> Bool {
        start <= date && date < end
    }

    /// Whether the window holds no day at all.
    public var isEmpty: Bool { end <= start }

    /// The window starting on the later of `start` and `approvedOn`, ending on the earliest
    /// of the natural end and the given earlier ends (which only ever move it earlier).
    static func make(
        start: CivilDate, approvedOn: CivilDate, end: CivilDate, cause: EndCause,
        earlierEnds: [(CivilDate?, EndCause)]
    ) -> DisclosureWindow {
        var window = DisclosureWindow(start: max(start, approvedOn), end: end, endCause: cause)
        for case let (date?, cause) in earlierEnds where date < window.end {
            window.end = date
            window.endCause = cause
        }
        return window
    }
}
