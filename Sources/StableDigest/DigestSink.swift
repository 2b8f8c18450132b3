/// The byte buffer a ``DigestEncoder`` and its containers append to.
@usableFromInline final class DigestSink {
    /// What a written item is; one byte before each.
    @usableFromInline enum Tag: UInt8 {
        case null = 0, bool, int, uint, double, string, keyed, unkeyed, item, key, failure
    }

    var bytes: [UInt8] = []

    func write(tag: Tag) {
        bytes.append(tag.rawValue)
    }

    func write(length: Int) {
        Self.append(length: length, to: &bytes)
    }

    func write(string: String) {
        Self.append(string: string, to: &bytes)
    }

    /// Appends `length` as LEB128 (seven bits a byte, low first).
    @inlinable static func append(length: Int, to bytes: inout [UInt8]) {
        var value = UInt64(length)
        repeat {
            let low = UInt8(value & 0x7f)
            value >>= 7
            bytes.append(value == 0 ? low : low | 0x80)
        } while value != 0
    }

    /// Appends the UTF-8 length of `string`, then its bytes.
    @inlinable static func append(string: String, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            append(length: utf8.count, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    func write(integer: Int64) {
        write(tag: .int)
        withUnsafeBytes(of: integer.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func write(unsigned: UInt64) {
        write(tag: .uint)
        withUnsafeBytes(of: unsigned.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
