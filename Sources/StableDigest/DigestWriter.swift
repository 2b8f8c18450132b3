/// Writes the bytes ``DigestEncoder`` writes for a value, field by field, without the
/// `Encoder` machinery (whose boxes and witness calls were most of an incremental build's
/// digesting). A ``DigestWritable`` type calls it in its properties' declaration order, the
/// order its synthesised `encode(to:)` uses; a test holds the two byte for byte equal.
///
/// `depth` is the nesting the generic encoder writes before every key and item: a keyed
/// or unkeyed container at depth d writes d with each key or item, and its values are
/// written at d + 1.
public struct DigestWriter {
    /// The bytes so far (the salt first).
    public private(set) var bytes: [UInt8]
    private var depth = 0

    /// A writer whose bytes start with `salt`.
    public init(salt: [UInt8] = []) {
        bytes = salt
        bytes.reserveCapacity(salt.count + 1024)
    }

    private mutating func tag(_ tag: DigestSink.Tag) { bytes.append(tag.rawValue) }

    private mutating func length(_ length: Int) { DigestSink.append(length: length, to: &bytes) }

    private mutating func raw(_ text: String) { DigestSink.append(string: text, to: &bytes) }

    private mutating func key(_ name: StaticString) {
        tag(.key)
        length(depth)
        name.withUTF8Buffer { utf8 in
            length(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A struct: its fields, written by `fields`.
    public mutating func object(_ fields: (inout DigestWriter) -> Void) {
        tag(.keyed)
        fields(&self)
    }

    /// A string value.
    public mutating func string(_ value: String) {
        tag(.string)
        raw(value)
    }

    /// An array of values, each written by `item`.
    public mutating func list<Item>(_ items: [Item], _ item: (inout DigestWriter, Item) -> Void) {
        tag(.unkeyed)
        for element in items {
            tag(.item)
            length(depth)
            depth += 1
            item(&self, element)
            depth -= 1
        }
    }

    /// A field whose value `value` writes (at the next depth).
    public mutating func field(_ name: StaticString, _ value: (inout DigestWriter) -> Void) {
        key(name)
        depth += 1
        value(&self)
        depth -= 1
    }

    /// A string field.
    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// An optional string field (nil is written, not skipped).
    public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { tag(.null) }
    }

    /// A string-valued enum field (its raw value, as `RawRepresentable` encodes it).
    public mutating func field<Value: RawRepresentable>(_ name: StaticString, _ value: Value) where Value.RawValue == String {
        field(name, value.rawValue)
    }

    /// An optional string-valued enum field.
    public mutating func field<Value: RawRepresentable>(_ name: StaticString, _ value: Value?) where Value.RawValue == String {
        field(name, value?.rawValue)
    }

    /// A list of string-valued enums.
    public mutating func field<Value: RawRepresentable>(_ name: StaticString, _ values: [Value]) where Value.RawValue == String {
        field(name) { $0.list(values) { $0.string($1.rawValue) } }
    }

    /// A list of strings.
    public mutating func field(_ name: StaticString, _ values: [String]) {
        field(name) { $0.list(values) { $0.string($1) } }
    }

    /// An integer field.
    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        integer(value)
    }

    /// An optional integer field.
    public mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { integer(value) } else { tag(.null) }
    }

    /// An integer value.
    public mutating func integer(_ value: Int) {
        tag(.int)
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A Boolean field.
    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        tag(.bool)
        bytes.append(value ? 1 : 0)
    }

    /// An optional floating-point field.
    public mutating func field(_ name: StaticString, _ value: Double?) {
        key(name)
        guard let value else { tag(.null); return }
        tag(.double)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A field holding a ``DigestWritable`` value.
    public mutating func field<Value: DigestWritable>(_ name: StaticString, _ value: Value) {
        field(name) { value.write(to: &$0) }
    }

    /// An optional ``DigestWritable`` field.
    public mutating func field<Value: DigestWritable>(_ name: StaticString, _ value: Value?) {
        guard let value else { key(name); tag(.null); return }
        field(name, value)
    }

    /// A list of ``DigestWritable`` values.
    public mutating func field<Value: DigestWritable>(_ name: StaticString, _ values: [Value]) {
        field(name) { $0.list(values) { $1.write(to: &$0) } }
    }
}

/// A value that writes its own digest bytes through a ``DigestWriter``: the same bytes the
/// generic ``DigestEncoder`` writes for its `Encodable` conformance, much faster.
public protocol DigestWritable: Encodable {
    /// Writes the value's fields, in declaration order.
    func write(to digest: inout DigestWriter)
}

extension StableDigest {
    /// The digest of `value`, written by its own ``DigestWritable`` conformance.
    public static func of<Value: DigestWritable>(writing value: Value, salt: [UInt8] = []) -> [UInt8] {
        of(bytes: bytes(writing: value, salt: salt))
    }

    /// The bytes `value` writes, equal to ``bytes(of:salt:)``.
    public static func bytes<Value: DigestWritable>(writing value: Value, salt: [UInt8] = []) -> [UInt8] {
        var writer = DigestWriter(salt: salt)
        value.write(to: &writer)
        return writer.bytes
    }
}
