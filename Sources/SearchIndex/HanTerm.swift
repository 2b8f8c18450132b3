/// A Han index term, one character or a pair of neighbours, packed in an integer: the first
/// character's scalar value in the high 32 bits, the second's (or 0) in the low ones.
public enum HanTerm {
    /// The key of one character.
    @inline(__always)
    public static func key(_ character: Unicode.Scalar) -> UInt64 {
        UInt64(character.value) << 32
    }

    /// The key of a pair of characters.
    @inline(__always)
    public static func key(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second.value)
    }

    /// The term's text.
    public static func string(_ key: UInt64) -> String {
        var text = String.UnicodeScalarView()
        if let first = Unicode.Scalar(UInt32(truncatingIfNeeded: key >> 32)) { text.append(first) }
        if let second = Unicode.Scalar(UInt32(truncatingIfNeeded: key)), second.value != 0 { text.append(second) }
        return String(text)
    }
}
