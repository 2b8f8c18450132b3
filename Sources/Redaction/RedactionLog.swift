/// Every replacement made while redacting a set of rows.
public struct RedactionLog: Sendable {
    /// The replacements, in the order they were made.
    public private(set) var events: [RedactionEvent] = []

    /// An empty log.
    public init() {}

    mutating func append(_ event: RedactionEvent) {
        events.append(event)
    }

    /// Adds another log's events (from a parallel worker).
    public mutating func merge(_ other: RedactionLog) {
        events += other.events
    }

    /// Number of replacements per rule.
    public var countsByRule: [RedactionRule: Int] {
        events.reduce(into: [:]) { $0[$1.rule, default: 0] += 1 }
    }
}
