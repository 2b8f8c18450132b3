/// A JSON document to write with ``pretty()``, laid out like `JSONEncoder`'s `.prettyPrinted`
/// and `.sortedKeys` output (two-space indents, `"key" : value`), without its per-value
/// dispatch, which took a second for a large build report.
public indirect enum JSONValue: Sendable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A boolean.
    case bool(Bool)
    /// An array.
    case array([JSONValue])
    /// An object; written with its keys sorted, pairs whose value is nil left out.
    case object([(String, JSONValue?)])

    /// An optional string: nil leaves the key out.
    public static func optional(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// A dictionary of integers, as an object.
    public static func counts(_ counts: [String: Int]) -> JSONValue {
        .object(counts.map { ($0.key, .int($0.value)) })
    }

    /// The document's text in UTF-8, ending with a new line.
    public func pretty() -> [UInt8] {
        var out = [UInt8]()
        write(to: &out, depth: 0)
        out.append(newline)
        return out
    }

    private var newline: UInt8 { UInt8(ascii: "\n") }

    private func startLine(_ out: inout [UInt8], depth: Int) {
        out.append(newline)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private func write(to out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let text): JSONText.appendQuoted(text, to: &out)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                startLine(&out, depth: depth + 1)
                item.write(to: &out, depth: depth + 1)
            }
            startLine(&out, depth: depth)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            let present = pairs.compactMap { key, value in value.map { (key, $0) } }
                .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            guard !present.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (position, (key, value)) in present.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                startLine(&out, depth: depth + 1)
                JSONText.appendQuoted(key, to: &out)
                out.append(contentsOf: " : ".utf8)
                value.write(to: &out, depth: depth + 1)
            }
            startLine(&out, depth: depth)
            out.append(UInt8(ascii: "}"))
        }
    }
}
