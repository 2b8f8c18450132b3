/// The pieces of text a published file shows or carries, decoded the way a reader gets them:
/// for HTML and XML each text run and each attribute value with its character references
/// decoded; for JSON each string with its escapes undone; anything else whole. The last
/// check of a build and `gongshi audit` scan these, each on its own, through a
/// ``NormalizedText`` (which decodes references and percent-encoding once more).
public enum OutputText {
    /// How a file's bytes are read.
    public enum Format: Sendable {
        case markup, json, plain

        /// The format of a file, by its name.
        public init(path: String) {
            if path.hasSuffix(".html") || path.hasSuffix(".htm") || path.hasSuffix(".xml") || path.hasSuffix(".svg") {
                self = .markup
            } else if path.hasSuffix(".json") {
                self = .json
            } else {
                self = .plain
            }
        }
    }

    /// Calls `body` with each piece of text of `bytes` (UTF-8; invalid sequences become U+FFFD).
    public static func forEachPiece(of bytes: some Collection<UInt8>, format: Format, _ body: ([Unicode.Scalar]) -> Void) {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        switch format {
        case .markup: markupPieces(scalars, body)
        case .json: jsonStrings(scalars, body)
        case .plain: body(scalars)
        }
    }

    /// Text runs between tags and attribute values, references decoded.
    static func markupPieces(_ text: [Unicode.Scalar], _ body: ([Unicode.Scalar]) -> Void) {
        var piece: [Unicode.Scalar] = []
        func flush() {
            if !piece.isEmpty { body(piece) }
            piece.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if scalar == "<" {
                switch tagName(text, from: index) {
                case let name? where inlineElements.contains(name): break
                case "br"?: piece.append("\n")
                default: flush()
                }
                index = tag(text, from: index) { value in
                    var decoded: [Unicode.Scalar] = []
                    decodeReferences(value, into: &decoded)
                    body(decoded)
                }
                continue
            }
            if scalar == "&", let (decoded, after) = CharacterFolding.entity(in: text, at: index) {
                piece.append(decoded)
                index = after
                continue
            }
            piece.append(scalar)
            index += 1
        }
        flush()
    }

    /// Elements a reader sees inside a run of text: a value split by them (`3501<strong>02</strong>…`,
    /// what cmark makes of `3501**02**…`) reads whole. Comments (`<!-- raw HTML omitted -->`) too.
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "!--",
    ]

    /// The lower-cased name of the tag at `start` (`strong` for `</strong>`, `!--` for a comment).
    static func tagName(_ text: [Unicode.Scalar], from start: Int) -> String? {
        if text[start...].starts(with: "<!--".unicodeScalars) { return "!--" }
        var index = start + 1
        if index < text.count, text[index] == "/" { index += 1 }
        var name = String.UnicodeScalarView()
        while index < text.count, name.count < 16, CharacterFolding.isASCIIAlphanumeric(text[index]) {
            name.append(lower(text[index]))
            index += 1
        }
        return name.isEmpty ? nil : String(name)
    }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
    }

    /// Skips a tag, comment or declaration at `start`, handing each attribute value to
    /// `value`; returns the index after it.
    private static func tag(_ text: [Unicode.Scalar], from start: Int, value: (ArraySlice<Unicode.Scalar>) -> Void) -> Int {
        if text[start...].starts(with: "<!--".unicodeScalars) {
            var index = start + 4
            while index + 2 < text.count, !(text[index] == "-" && text[index + 1] == "-" && text[index + 2] == ">") {
                index += 1
            }
            return min(text.count, index + 3)
        }
        var index = start + 1
        while index < text.count, text[index] != ">" {
            let scalar = text[index]
            if scalar == "\"" || scalar == "'" {
                let close = text[(index + 1)...].firstIndex(of: scalar) ?? text.count
                value(text[(index + 1)..<close])
                index = close + 1
            } else if scalar == "=" {
                // An unquoted value.
                var end = index + 1
                while end < text.count, text[end] != " ", text[end] != ">", text[end] != "\"", text[end] != "'" {
                    end += 1
                }
                if end > index + 1 { value(text[(index + 1)..<end]) }
                index = end
            } else {
                index += 1
            }
        }
        return min(text.count, index + 1)
    }

    private static func decodeReferences(_ text: ArraySlice<Unicode.Scalar>, into output: inout [Unicode.Scalar]) {
        let array = Array(text)
        var index = 0
        while index < array.count {
            if array[index] == "&", let (decoded, after) = CharacterFolding.entity(in: array, at: index) {
                output.append(decoded)
                index = after
            } else {
                output.append(array[index])
                index += 1
            }
        }
    }

    /// The strings of a JSON document (keys included), escapes undone.
    static func jsonStrings(_ text: [Unicode.Scalar], _ body: ([Unicode.Scalar]) -> Void) {
        var index = 0
        var piece: [Unicode.Scalar] = []
        while index < text.count {
            guard text[index] == "\"" else {
                index += 1
                continue
            }
            index += 1
            piece.removeAll(keepingCapacity: true)
            var pendingHigh: UInt32?
            while index < text.count, text[index] != "\"" {
                if text[index] == "\\", index + 1 < text.count {
                    let escaped = text[index + 1]
                    index += 2
                    switch escaped {
                    case "n": piece.append("\n")
                    case "t": piece.append("\t")
                    case "r": piece.append("\r")
                    case "b", "f": piece.append(" ")
                    case "u":
                        guard index + 4 <= text.count else { break }
                        var value: UInt32 = 0
                        for offset in 0..<4 { value = value * 16 + (CharacterFolding.hexValue(text[index + offset]) ?? 0) }
                        index += 4
                        if (0xD800...0xDBFF).contains(value) {
                            pendingHigh = value
                            continue
                        }
                        if let high = pendingHigh, (0xDC00...0xDFFF).contains(value) {
                            value = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                        }
                        piece.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    default: piece.append(escaped)
                    }
                    pendingHigh = nil
                    continue
                }
                piece.append(text[index])
                index += 1
            }
            index += 1
            if !piece.isEmpty { body(piece) }
        }
    }
}
