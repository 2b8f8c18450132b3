/// Reads what ``ByteWriter`` wrote; every read checks the bounds.
public struct ByteReader: Sendable {
    /// Bytes that end early or hold a value out of range.
    public struct Truncated: Error {
        /// The error.
        public init() {}
    }

    @usableFromInline let bytes: [UInt8]
    /// Where reading stops (what follows, a checksum, is not read).
    @usableFromInline let end: Int
    /// Where the next read starts.
    public var offset = 0

    /// A reader of `bytes` up to `end`.
    public init(_ bytes: [UInt8], end: Int) {
        self.bytes = bytes
        self.end = end
    }

    /// Whether every byte up to the end has been read.
    public var isAtEnd: Bool { offset == end }

    /// An unsigned LEB128 integer.
    @inlinable public mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Truncated() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return value
    }

    /// An integer.
    @inlinable public mutating func integer() throws -> Int {
        Int(Int64(bitPattern: try unsigned()))
    }

    /// A count of items that fit in what is left.
    @inlinable public mutating func count() throws -> Int {
        let value = try integer()
        guard value >= 0, value <= end - offset else { throw Truncated() }
        return value
    }

    /// A string.
    @inlinable public mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// A count, then the strings.
    @inlinable public mutating func strings() throws -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// What ``ByteWriter/ascending(_:)`` wrote.
    @inlinable public mutating func ascending() throws -> [UInt64] {
        let count = try count()
        var values: [UInt64] = []
        values.reserveCapacity(count)
        var previous: UInt64 = 0
        for _ in 0..<count {
            previous &+= try unsigned()
            values.append(previous)
        }
        return values
    }

    /// `length` bytes as they are.
    @inlinable public mutating func raw(_ length: Int) throws -> [UInt8] {
        guard length >= 0, length <= end - offset else { throw Truncated() }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    /// A little-endian 64-bit integer.
    @inlinable public mutating func fixed64() throws -> UInt64 {
        let bytes = try raw(8)
        return bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
