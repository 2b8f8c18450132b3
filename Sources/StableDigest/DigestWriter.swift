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
    public var bytes: [UInt8] { storage }
    @usableFromInline var storage: [UInt8]
    @usableFromInline var depth = 0

    /// A writer whose bytes start with `salt`.
    @inlinable public init(salt: [UInt8] = []) {
        storage = salt
        storage.reserveCapacity(salt.count + 1024)
    }

    @inlinable mutating func tag(_ tag: DigestSink.Tag) { storage.append(tag.rawValue) }

    @inlinable mutating func length(_ length: Int) { DigestSink.append(length: length, to: &storage) }

    @inlinable mutating func raw(_ text: String) { DigestSink.append(string: text, to: &storage) }

    @inlinable mutating func key(_ name: StaticString) {
        tag(.key)
        length(depth)
        name.withUTF8Buffer { utf8 in
            length(utf8.count)
            storage.append(contentsOf: utf8)
        }
    }

    /// A struct: its fields, written by `fields`.
    @inlinable public mutating func object(_ fields: (inout DigestWriter) -> Void) {
        tag(.keyed)
        fields(&self)
    }

    /// A string value.
    @inlinable public mutating func string(_ value: String) {
        tag(.string)
        raw(value)
    }

    /// An array of values, each written by `item`.
    @inlinable public mutating func list<Item>(_ items: [Item], _ item: (inout DigestWriter, Item) -> Void) {
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
    @inlinable public mutating func field(_ name: StaticString, _ value: (inout DigestWriter) -> Void) {
        key(name)
        depth += 1
        value(&self)
        depth -= 1
    }

    /// A string field.
    @inlinable public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// An optional string field (nil is written, not skipped).
    @inlinable public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { tag(.null) }
    }

    /// A string-valued enum field (its raw value, as `RawRepresentable` encodes it).
    @inlinable public mutating func field<Value: RawRepresentable>(_ name: StaticString, _ value: Value) where Value.RawValue == String {
        field(name, value.rawValue)
    }

    /// An optional string-valued enum field.
    @inlinable public mutating func field<Value: RawRepresentable>(_ name: StaticString, _ value: Value?) where Value.RawValue == String {
        field(name, value?.rawValue)
    }

    /// A list of string-valued enums.
    @inlinable public mutating func field<Value: RawRepresentable>(_ name: StaticString, _ values: [Value]) where Value.RawValue == String {
        field(name) { $0.list(values) { $0.string($1.rawValue) } }
    }

    /// A list of strings.
    @inlinable public mutating func field(_ name: StaticString, _ values: [String]) {
        field(name) { $0.list(values) { $0.string($1) } }
    }

    /// An integer field.
    @inlinable public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        integer(value)
    }

    /// An optional integer field.
    @inlinable public mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { integer(value) } else { tag(.null) }
    }

    /// An integer value.
    @inlinable public mutating func integer(_ value: Int) {
        tag(.int)
        withUnsafeBytes(of: Int64(value).littleEndian) { storage.append(contentsOf: $0) }
    }

    /// A Boolean field.
    @inlinable public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        tag(.bool)
        storage.append(value ? 1 : 0)
    }

    /// An optional floating-point field.
    @inlinable public mutating func field(_ name: StaticString, _ value: Double?) {
        key(name)
        guard let value else { tag(.null); return }
        tag(.double)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { storage.append(contentsOf: $0) }
    }

    /// A field holding a ``DigestWritable`` value.
    @inlinable public mutating func field<Value: DigestWritable>(_ name: StaticString, _ value: Value) {
        field(name) { value.write(to: &$0) }
    }

    /// An optional ``DigestWritable`` field.
    @inlinable public mutating func field<Value: DigestWritable>(_ name: StaticString, _ value: Value?) {
        guard let value else { key(name); tag(.null); return }
        field(name, value)
    }

    /// A list of ``DigestWritable`` values.
    @inlinable public mutating func field<Value: DigestWritable>(_ name: StaticString, _ values: [Value]) {
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
