/// The byte buffer a ``DigestEncoder`` and its containers append to.
final class DigestSink {
    /// What a written item is; one byte before each.
    enum Tag: UInt8 {
        case null = 0, bool, int, uint, double, string, keyed, unkeyed, item, key, failure
    }

    var bytes: [UInt8] = []

    func write(tag: Tag) {
        bytes.append(tag.rawValue)
    }

    func write(length: Int) {
        var value = UInt64(length)
        repeat {
            let low = UInt8(value & 0x7f)
            value >>= 7
            bytes.append(value == 0 ? low : low | 0x80)
        } while value != 0
    }

    func write(string: String) {
        var string = string
        string.withUTF8 { utf8 in
            write(length: utf8.count)
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
