/// Appends a compact binary encoding (the page cache's file, the search index's spilled
/// result lines): unsigned LEB128 integers and length-prefixed UTF-8 strings.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// An integer (negative ones as their 64-bit pattern).
    @inlinable public mutating func integer(_ value: Int) {
        unsigned(UInt64(bitPattern: Int64(value)))
    }

    /// An unsigned LEB128 integer.
    @inlinable public mutating func unsigned(_ value: UInt64) {
        var value = value
        repeat {
            let low = UInt8(value & 0x7f)
            value >>= 7
            bytes.append(value == 0 ? low : low | 0x80)
        } while value != 0
    }

    /// The UTF-8 length, then the bytes.
    @inlinable public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A count, then the strings.
    @inlinable public mutating func strings(_ values: [String]) {
        integer(values.count)
        for value in values { string(value) }
    }

    /// A count, then the gaps between ascending integers (the first from zero).
    @inlinable public mutating func ascending(_ values: [UInt64]) {
        integer(values.count)
        var previous: UInt64 = 0
        for value in values {
            unsigned(value &- previous)
            previous = value
        }
    }

    /// A little-endian 64-bit integer.
    @inlinable public mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Bytes as they are.
    @inlinable public mutating func raw(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
    }
}
