/// An `Encoder` that writes a value's fields, tagged and length-prefixed, to a ``DigestSink``.
///
/// The coding path is not tracked (always empty): building it allocated an array for every
/// nested value, and no type in gongshi encodes differently by path.
struct DigestEncoder: Encoder {
    let sink: DigestSink
    var codingPath: [any CodingKey] { [] }
    /// Nesting depth, written with every key and item so that where a container ends is
    /// never ambiguous (`{a: {b}, c}` and `{a: {b, c}}` write different bytes).
    var depth = 0
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.write(tag: .keyed)
        return KeyedEncodingContainer(KeyedContainer<Key>(sink: sink, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.write(tag: .unkeyed)
        return UnkeyedContainer(sink: sink, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(sink: sink, depth: depth)
    }
}

/// Writes one value of any supported kind; shared by the three containers.
private struct ValueWriter {
    let sink: DigestSink

    func null() { sink.write(tag: .null) }
    func bool(_ value: Bool) {
        sink.write(tag: .bool)
        sink.bytes.append(value ? 1 : 0)
    }
    func string(_ value: String) {
        sink.write(tag: .string)
        sink.write(string: value)
    }
    func double(_ value: Double) {
        sink.write(tag: .double)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { sink.bytes.append(contentsOf: $0) }
    }
    func nested<T: Encodable>(_ value: T, depth: Int) throws {
        // Metatype checks are far cheaper than dynamic casts, and these three are most values.
        if T.self == String.self {
            string(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            sink.write(integer: Int64(unsafeBitCast(value, to: Int.self)))
        } else if T.self == Bool.self {
            bool(unsafeBitCast(value, to: Bool.self))
        } else {
            try value.encode(to: DigestEncoder(sink: sink, depth: depth))
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: DigestSink
    var codingPath: [any CodingKey] { [] }
    private var writer: ValueWriter { ValueWriter(sink: sink) }

    let depth: Int

    init(sink: DigestSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    private func key(_ key: Key) {
        sink.write(tag: .key)
        sink.write(length: depth)
        sink.write(string: key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); writer.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); writer.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); writer.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); writer.double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); writer.double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); sink.write(integer: value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); sink.write(unsigned: value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try writer.nested(value, depth: depth + 1)
    }
    // Synthesised conformances skip nil optionals with `encodeIfPresent`; write them, so that
    // a field going from a value to nil changes the digest even when it is the last one.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        sink.write(tag: .keyed)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(sink: sink, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        sink.write(tag: .unkeyed)
        return UnkeyedContainer(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        sink.write(tag: .key)
        sink.write(length: depth)
        sink.write(string: "super")
        return DigestEncoder(sink: sink, depth: depth + 1)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return DigestEncoder(sink: sink, depth: depth + 1)
    }
}

/// Each item of an unkeyed container starts with a marker and the container's depth.
private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let sink: DigestSink
    var codingPath: [any CodingKey] { [] }
    let depth: Int
    private(set) var count = 0
    private var writer: ValueWriter { ValueWriter(sink: sink) }

    init(sink: DigestSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    private mutating func item() {
        sink.write(tag: .item)
        sink.write(length: depth)
        count += 1
    }

    mutating func encodeNil() throws { item(); writer.null() }
    mutating func encode(_ value: Bool) throws { item(); writer.bool(value) }
    mutating func encode(_ value: String) throws { item(); writer.string(value) }
    mutating func encode(_ value: Double) throws { item(); writer.double(value) }
    mutating func encode(_ value: Float) throws { item(); writer.double(Double(value)) }
    mutating func encode(_ value: Int) throws { item(); sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int8) throws { item(); sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int16) throws { item(); sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int32) throws { item(); sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int64) throws { item(); sink.write(integer: value) }
    mutating func encode(_ value: UInt) throws { item(); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { item(); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { item(); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { item(); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { item(); sink.write(unsigned: value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        item()
        try writer.nested(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        item()
        sink.write(tag: .keyed)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(sink: sink, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        item()
        sink.write(tag: .unkeyed)
        return UnkeyedContainer(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        item()
        return DigestEncoder(sink: sink, depth: depth + 1)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let sink: DigestSink
    var codingPath: [any CodingKey] { [] }
    let depth: Int
    private var writer: ValueWriter { ValueWriter(sink: sink) }

    mutating func encodeNil() throws { writer.null() }
    mutating func encode(_ value: Bool) throws { writer.bool(value) }
    mutating func encode(_ value: String) throws { writer.string(value) }
    mutating func encode(_ value: Double) throws { writer.double(value) }
    mutating func encode(_ value: Float) throws { writer.double(Double(value)) }
    mutating func encode(_ value: Int) throws { sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int8) throws { sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int16) throws { sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int32) throws { sink.write(integer: Int64(value)) }
    mutating func encode(_ value: Int64) throws { sink.write(integer: value) }
    mutating func encode(_ value: UInt) throws { sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { sink.write(unsigned: value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.nested(value, depth: depth) }
}
