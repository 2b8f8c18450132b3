/// What the rules say about a row before any particular day is chosen: it has a window,
/// or it is never shown.
public enum WindowDecision: Hashable, Sendable {
    /// Shown inside this window (subject to objections and the cascade).
    case window(DisclosureWindow)
    /// Never shown, for this reason.
    case never(WithholdReason)
}
