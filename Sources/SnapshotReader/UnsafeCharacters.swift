import Messages

/// Characters a snapshot's text must not carry onto a page, removed wherever a text is read
/// (decoded columns and long bodies alike, so that every reader sees the same text): C0 and
/// C1 control characters but tab, line feed and carriage return (a NUL cut a field short on a
/// page, or reached the HTML as a raw byte); the line and paragraph separators U+2028 and
/// U+2029; the bidirectional embeddings, overrides and isolates U+202A-U+202E and
/// U+2066-U+2069 (they reorder what a reader sees); U+FFFD, which stands where the file's
/// bytes were not UTF-8; and the noncharacters U+FDD0-U+FDEF, U+FFFE and U+FFFF, which
/// Unicode keeps for a program's internal use and which the reviewer preview uses to mark
/// its replacements (from the snapshot, they would forge a highlight).
public enum UnsafeCharacters {
    /// Whether `scalar` is removed.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFDD0...0xFDEF, 0xFFFD...0xFFFF:
            return true
        default: return false
        }
    }

    /// What `check` says of a field that held `removed` of them.
    public static func warning(removed: Int) -> Message {
        Message("unsafe_characters", ["count": "\(removed)"])
    }

    /// `text` without its unsafe characters and how many were removed; nil when it has none
    /// (the common case, found from the UTF-8 bytes without decoding).
    public static func removing(from text: String) -> (text: String, removed: Int)? {
        guard mayHold(text) else { return nil }
        var kept = String.UnicodeScalarView()
        var removed = 0
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { removed += 1 } else { kept.append(scalar) }
        }
        return removed == 0 ? nil : (String(kept), removed)
    }

    /// Whether the UTF-8 of `text` holds an unsafe character: a C0 control or DEL, `C2 80-9F`
    /// (C1), `E2 80 A8-AE` and `E2 81 A6-A9` (separators, bidi controls), `EF B7 90-AF`
    /// (U+FDD0-U+FDEF), `EF BF BD-BF` (U+FFFD-U+FFFF).
    private static func mayHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x09, 0x0A, 0x0D:
                    break
                case 0x00...0x1F, 0x7F:
                    return true
                case 0xC2:
                    if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                case 0xE2:
                    if index + 2 < count {
                        let second = bytes[index + 1], third = bytes[index + 2]
                        if second == 0x80, (0xA8...0xAE).contains(third) { return true }
                        if second == 0x81, (0xA6...0xA9).contains(third) { return true }
                    }
                case 0xEF:
                    if index + 2 < count {
                        let second = bytes[index + 1], third = bytes[index + 2]
                        if second == 0xBF, third >= 0xBD { return true }
                        if second == 0xB7, (0x90...0xAF).contains(third) { return true }
                    }
                default:
                    break
                }
                index += 1
            }
            return false
        }
    }
}
