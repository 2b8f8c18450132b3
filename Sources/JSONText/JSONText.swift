import Foundation

/// JSON text written directly, for the files gongshi writes in bulk (the deploy manifest, the
/// search index, the build report), where the general encoders were the slowest step.
public enum JSONText {
    /// `text` as a JSON string literal: `"` and `\` escaped, control characters as `\u00xx`,
    /// and with `escapingMarkup`, `<`, `>` and `&` as `\u003c`, `\u003e` and `\u0026` (so that
    /// no file holds markup even if a web server were to serve it as HTML).
    public static func quoted(_ text: String, escapingMarkup: Bool = false) -> String {
        var out = "\""
        append(text, to: &out, escapingMarkup: escapingMarkup)
        return out + "\""
    }

    /// `strings` in the order of their UTF-8 bytes (the order JSON keys are written in),
    /// compared with `memcmp` on their stored UTF-8 rather than through `String.UTF8View`'s
    /// iterator.
    public static func sortedByUTF8(_ strings: some Collection<String>) -> [String] {
        var sorted = Array(strings)
        sorted.sort(by: precedesByUTF8)
        return sorted
    }

    /// Whether `left`'s UTF-8 bytes come before `right`'s.
    public static func precedesByUTF8(_ left: String, _ right: String) -> Bool {
        let fast = left.utf8.withContiguousStorageIfAvailable { a in
            right.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let common = min(a.count, b.count)
                let compared = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return compared != 0 ? compared < 0 : a.count < b.count
            }
        }
        if let fast = fast ?? nil { return fast }
        return left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// Appends the decimal digits of `value` (a `-` first when negative).
    public static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Appends `text` as a JSON string literal (see ``quoted(_:escapingMarkup:)``), in UTF-8, to `out`.
    public static func appendQuoted(_ text: String, to out: inout [UInt8], escapingMarkup: Bool = false) {
        out.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { needsEscape($0, escapingMarkup) }) {
            out.append(contentsOf: text.utf8)
        } else {
            var escaped = ""
            append(text, to: &escaped, escapingMarkup: escapingMarkup)
            out.append(contentsOf: escaped.utf8)
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func append(_ text: String, to out: inout String, escapingMarkup: Bool) {
        // Most text needs no escape at all: copy it in one step.
        if !text.utf8.contains(where: { needsEscape($0, escapingMarkup) }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<" where escapingMarkup: out += "\\u003c"
            case ">" where escapingMarkup: out += "\\u003e"
            case "&" where escapingMarkup: out += "\\u0026"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8, _ escapingMarkup: Bool) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
            || (escapingMarkup && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")))
    }
}
