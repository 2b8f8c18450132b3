/// Every replacement made while redacting a set of rows.
public struct RedactionLog: Sendable {
    /// The replacements, in the order they were made.
    public private(set) var events: [RedactionEvent] = []
    /// The replacements with their originals, for the reviewer preview only.
    public private(set) var previewReplacements: [PreviewReplacement] = []

    /// An empty log.
    public init() {}

    mutating func append(_ event: RedactionEvent) {
        events.append(event)
    }

    /// Records a replacement for the preview and returns its marked form.
    mutating func mark(_ replacement: PreviewReplacement, shown text: String) -> String {
        previewReplacements.append(replacement)
        return "\(PreviewMarker.start)\(previewReplacements.count - 1)\(PreviewMarker.separator)\(text)\(PreviewMarker.end)"
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
