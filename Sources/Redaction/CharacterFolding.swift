import Foundation

/// How one source character looks to a reader, for detection: compatibility forms folded
/// (NFKC: full-width `３` and `＠`, mathematical `𝟷`, compatibility ideographs), every kind of
/// white space as one space, and invisible characters (format characters such as zero-width
/// spaces, soft hyphens, word joiners and bidirectional controls; variation selectors; control
/// characters) dropped.
///
/// A folder caches what it worked out for characters outside the fast paths; make one per
/// text or per thread.
struct CharacterFolding {
    private var cache: [UInt32: [Unicode.Scalar]] = [:]

    /// The folded form of `scalar`: nothing, one scalar or (for a few compatibility
    /// characters such as `㈱`) several.
    @inline(__always)
    mutating func fold(_ scalar: Unicode.Scalar, into output: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20:
            output(" ")
        case 0x21...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF:
            output(scalar)
        case 0x00...0x1F, 0x7F:
            return
        case 0xFF01...0xFF5E:
            output(Unicode.Scalar(value - 0xFEE0)!)
        default:
            if let cached = cache[value] {
                cached.forEach(output)
                return
            }
            let folded = Self.slowFold(scalar)
            cache[value] = folded
            folded.forEach(output)
        }
    }

    /// The folding of a character outside the fast paths.
    static func slowFold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let properties = scalar.properties
        if properties.isWhitespace { return [" "] }
        switch properties.generalCategory {
        case .format, .control, .surrogate, .unassigned: return []
        default: break
        }
        if properties.isVariationSelector || properties.isDefaultIgnorableCodePoint { return [] }
        let folded = String(scalar).precomposedStringWithCompatibilityMapping
        var result: [Unicode.Scalar] = []
        for part in folded.unicodeScalars {
            if part.properties.isWhitespace {
                result.append(" ")
            } else if !part.properties.isDefaultIgnorableCodePoint {
                result.append(part)
            }
        }
        return result
    }

    /// Named character references a reader (cmark, a browser) turns into the characters that
    /// matter to detection: spaces, joiners, digits' neighbours, `@` and `.`. Numeric
    /// references (`&#51;`, `&#x33;`) are decoded whatever they name.
    static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "hairsp": "\u{200A}", "numsp": "\u{2007}", "puncsp": "\u{2008}",
        "emsp13": "\u{2004}", "emsp14": "\u{2005}", "MediumSpace": "\u{205F}", "NonBreakingSpace": "\u{A0}",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "shy": "\u{AD}",
        "NoBreak": "\u{2060}", "ZeroWidthSpace": "\u{200B}", "Tab": "\t", "NewLine": "\n",
        "middot": "\u{B7}", "centerdot": "\u{B7}", "CenterDot": "\u{B7}", "hyphen": "\u{2010}", "dash": "\u{2010}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "minus": "\u{2212}", "horbar": "\u{2015}",
        "lpar": "(", "rpar": ")", "period": ".", "sol": "/", "bsol": "\\", "commat": "@", "num": "#",
        "plus": "+", "excl": "!", "colon": ":", "semi": ";", "comma": ",", "lowbar": "_", "UnderBar": "_",
        "ast": "*", "midast": "*", "grave": "`", "DiacriticalGrave": "`", "tilde": "\u{2DC}", "verbar": "|",
        "vert": "|", "lsqb": "[", "rsqb": "]", "lbrack": "[", "rbrack": "]", "lcub": "{", "rcub": "}",
        "percnt": "%", "dollar": "$", "equals": "=", "quest": "?",
    ]

    /// The character a reference at `index` (`&…;`) stands for and the index after it, or nil.
    static func entity(in text: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, end: Int)? {
        guard text[index] == "&", index + 2 < text.count else { return nil }
        var cursor = index + 1
        if text[cursor] == "#" {
            cursor += 1
            var radix: UInt32 = 10
            if cursor < text.count, text[cursor] == "x" || text[cursor] == "X" {
                radix = 16
                cursor += 1
            }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < text.count, cursor - digitsStart < (radix == 10 ? 7 : 6),
                  let digit = hexValue(text[cursor]), digit < radix {
                value = value * radix + digit
                cursor += 1
            }
            guard cursor > digitsStart, cursor < text.count, text[cursor] == ";" else { return nil }
            // cmark and browsers show U+FFFD for NUL and what is not a character.
            return (Unicode.Scalar(value).flatMap { value == 0 ? nil : $0 } ?? "\u{FFFD}", cursor + 1)
        }
        let nameStart = cursor
        while cursor < text.count, cursor - nameStart < 32, isASCIIAlphanumeric(text[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < text.count, text[cursor] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(text[nameStart..<cursor]))
        guard let scalar = namedEntities[name] else { return nil }
        return (scalar, cursor + 1)
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// The characters of a run of percent-encoded bytes at `index` (`%E7%8E%8B`), each with the
    /// index after its last byte; empty when no valid UTF-8 character starts there.
    static func percentEncoded(in text: [Unicode.Scalar], at index: Int) -> [(Unicode.Scalar, end: Int)] {
        func byte(at position: Int) -> UInt8? {
            guard position + 2 < text.count, text[position] == "%", let high = hexValue(text[position + 1]),
                  let low = hexValue(text[position + 2]) else { return nil }
            return UInt8(high * 16 + low)
        }
        var result: [(Unicode.Scalar, end: Int)] = []
        var cursor = index
        while let lead = byte(at: cursor) {
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return result
            }
            var bytes = [lead]
            for step in 1..<length {
                guard let next = byte(at: cursor + 3 * step), next & 0xC0 == 0x80 else { return result }
                bytes.append(next)
            }
            guard let decoded = String(validating: bytes, as: UTF8.self), let scalar = decoded.unicodeScalars.first,
                  decoded.unicodeScalars.count == 1 else { return result }
            cursor += 3 * length
            result.append((scalar, cursor))
        }
        return result
    }
}
