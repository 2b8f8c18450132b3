/// Appends the page cache's binary encoding: unsigned LEB128 integers and length-prefixed
/// UTF-8 strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        var value = UInt64(bitPattern: Int64(value))
        repeat {
            let low = UInt8(value & 0x7f)
            value >>= 7
            bytes.append(value == 0 ? low : low | 0x80)
        } while value != 0
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
    }
}
