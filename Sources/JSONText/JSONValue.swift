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
    /// An array whose items are made one at a time as they are written, so that a long one
    /// is never held whole.
    case items(count: Int, item: @Sendable (Int) -> JSONValue)
    /// An array of objects written straight into the text, one at a time, by `item`
    /// (through ``PrettyFields``, keys in order): the report's longest lists, where making a
    /// value per item cost more than writing it.
    case objects(count: Int, item: @Sendable (Int, inout PrettyFields) -> Void)
    /// A value written ahead to a file, copied in (it must be placed at the depth it was
    /// written at).
    case prewritten(PrewrittenJSON)

    /// An optional string: nil leaves the key out.
    public static func optional(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// A dictionary of integers, as an object.
    public static func counts(_ counts: [String: Int]) -> JSONValue {
        .object(counts.map { ($0.key, .int($0.value)) })
    }

    /// The document's text in UTF-8, ending with a new line.
    public func pretty() -> [UInt8] {
        var sink = Sink(bytes: [], flushAt: .max) { _ in }
        // A sink that never flushes never throws; a prewritten value's file that cannot be
        // read back does (its descriptor is the process's own: not expected to fail).
        try! write(to: &sink, depth: 0)
        sink.bytes.append(newline)
        return sink.bytes
    }

    /// Writes ``pretty()``'s text through `flush`, in pieces of about `chunk` bytes, so that
    /// a large document is never held whole.
    public func writePretty(chunk: Int = 1 << 20, to flush: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(flush) { flush in
            var sink = Sink(bytes: [], flushAt: chunk, flush: flush)
            sink.bytes.reserveCapacity(chunk + 4096)
            try write(to: &sink, depth: 0)
            sink.bytes.append(newline)
            try flush(sink.bytes)
        }
    }

    /// Writes the value alone as it would stand at `depth` in a document (no final new line),
    /// through `flush` in pieces of about `chunk` bytes: the text ``PrewrittenJSON`` holds.
    public func writePretty(depth: Int, chunk: Int = 1 << 20, to flush: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(flush) { flush in
            var sink = Sink(bytes: [], flushAt: chunk, flush: flush)
            sink.bytes.reserveCapacity(chunk + 4096)
            try write(to: &sink, depth: depth)
            if !sink.bytes.isEmpty { try flush(sink.bytes) }
        }
    }

    /// The bytes written so far and where they go when there are enough.
    private struct Sink {
        var bytes: [UInt8]
        let flushAt: Int
        let flush: ([UInt8]) throws -> Void

        mutating func flushIfFull() throws {
            guard bytes.count >= flushAt else { return }
            try flush(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    private var newline: UInt8 { UInt8(ascii: "\n") }

    private static func startLine(_ out: inout [UInt8], depth: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private func write(to sink: inout Sink, depth: Int) throws {
        switch self {
        case .string(let text): JSONText.appendQuoted(text, to: &sink.bytes)
        case .int(let value): sink.bytes.append(contentsOf: String(value).utf8)
        case .bool(let value): sink.bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .array(let items):
            try Self.writeArray(count: items.count, item: { items[$0] }, to: &sink, depth: depth)
        case .items(let count, let item):
            try Self.writeArray(count: count, item: item, to: &sink, depth: depth)
        case .objects(let count, let item):
            guard count > 0 else { sink.bytes.append(contentsOf: "[]".utf8); return }
            sink.bytes.append(UInt8(ascii: "["))
            for position in 0..<count {
                if position > 0 { sink.bytes.append(UInt8(ascii: ",")) }
                Self.startLine(&sink.bytes, depth: depth + 1)
                // The text moves into the writer and back (a swap: never copied).
                var fields = PrettyFields(depth: depth + 1)
                swap(&fields.bytes, &sink.bytes)
                fields.open()
                item(position, &fields)
                fields.close()
                swap(&fields.bytes, &sink.bytes)
                try sink.flushIfFull()
            }
            Self.startLine(&sink.bytes, depth: depth)
            sink.bytes.append(UInt8(ascii: "]"))
        case .prewritten(let part):
            precondition(part.depth == depth, "a prewritten JSON value is placed at the depth it was written at")
            try part.forEachChunk { chunk in
                sink.bytes.append(contentsOf: chunk)
                try sink.flushIfFull()
            }
        case .object(let pairs):
            var present = pairs.compactMap { key, value in value.map { (key, $0) } }
            // Most objects are built with their keys in order already: check before sorting.
            let inOrder = zip(present, present.dropFirst()).allSatisfy { JSONText.precedesByUTF8($0.0, $1.0) }
            if !inOrder { present.sort { JSONText.precedesByUTF8($0.0, $1.0) } }
            guard !present.isEmpty else { sink.bytes.append(contentsOf: "{}".utf8); return }
            sink.bytes.append(UInt8(ascii: "{"))
            for (position, (key, value)) in present.enumerated() {
                if position > 0 { sink.bytes.append(UInt8(ascii: ",")) }
                Self.startLine(&sink.bytes, depth: depth + 1)
                JSONText.appendQuoted(key, to: &sink.bytes)
                sink.bytes.append(contentsOf: " : ".utf8)
                try value.write(to: &sink, depth: depth + 1)
            }
            Self.startLine(&sink.bytes, depth: depth)
            sink.bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func writeArray(
        count: Int, item: (Int) -> JSONValue, to sink: inout Sink, depth: Int
    ) throws {
        guard count > 0 else { sink.bytes.append(contentsOf: "[]".utf8); return }
        sink.bytes.append(UInt8(ascii: "["))
        for position in 0..<count {
            if position > 0 { sink.bytes.append(UInt8(ascii: ",")) }
            startLine(&sink.bytes, depth: depth + 1)
            try item(position).write(to: &sink, depth: depth + 1)
            try sink.flushIfFull()
        }
        startLine(&sink.bytes, depth: depth)
        sink.bytes.append(UInt8(ascii: "]"))
    }
}

/// Writes one object of ``JSONValue/objects(count:item:)`` in the pretty layout. Keys must
/// come in UTF-8 order (a test holds the bytes equal to ``JSONValue/object(_:)``'s); a nil
/// value leaves its key out, as there.
public struct PrettyFields {
    fileprivate var bytes: [UInt8] = []
    private let depth: Int
    private var count = 0

    fileprivate init(depth: Int) {
        self.depth = depth
    }

    fileprivate mutating func open() {
        bytes.append(UInt8(ascii: "{"))
    }

    #if DEBUG
    /// The last key written, to check (in debug builds, so in the tests) that keys come in order.
    private var lastKey: [UInt8]?
    #endif

    private mutating func key(_ key: StaticString) {
        #if DEBUG
        let utf8 = key.withUTF8Buffer { Array($0) }
        assert(lastKey.map { $0.lexicographicallyPrecedes(utf8) } ?? true, "PrettyFields: keys out of order at \(key)")
        lastKey = utf8
        #endif
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        count += 1
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * (depth + 1)))
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "\" : ".utf8)
    }

    /// A string field; nil leaves it out.
    public mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        JSONText.appendQuoted(value, to: &bytes)
    }

    /// An integer field.
    public mutating func int(_ key: StaticString, _ value: Int) {
        self.key(key)
        JSONText.appendDecimal(value, to: &bytes)
    }

    fileprivate mutating func close() {
        if count > 0 {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
