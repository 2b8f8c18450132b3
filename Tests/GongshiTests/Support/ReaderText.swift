import Foundation

/// What a reader, a browser or a scraper can recover from an output file, written
/// independently of the redactor's own normalisation so that a test does not grade the
/// redactor by itself: every string of a JSON file, or a page's text with its tags removed
/// and its attribute values read apart; character references decoded (twice, as a scraper
/// that decodes an escaped page again would); percent-encoding decoded; NFKC; and of that
/// only letters and digits, lower-cased. A planted value leaks when its ``key(_:)`` occurs in
/// one of the pieces.
enum ReaderText {
    /// The pieces a reader recovers from a file, each reduced to its key.
    static func pieces(path: String, _ data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        if path.hasSuffix(".json"), let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            var strings: [String] = []
            collectStrings(object, into: &strings)
            return strings.flatMap(markupPieces).map(key)
        }
        return markupPieces(text).map(key)
    }

    /// The letters and digits of `text` as a reader reads it, lower-cased.
    static func key(_ text: String) -> String {
        var decoded = text
        for _ in 0..<2 { decoded = decodeReferences(decoded) }
        decoded = decodePercent(decoded).precomposedStringWithCompatibilityMapping.lowercased()
        return String(decoded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }

    /// A page's text without its tags and comments, then each attribute value on its own.
    static func markupPieces(_ text: String) -> [String] {
        var pieces: [String] = []
        let withoutComments = text.replacing(/<!--(.|\n)*?-->/, with: "")
        for tag in withoutComments.matches(of: /<[A-Za-z\/!?][^<>]*>/) {
            for attribute in String(tag.output).matches(of: /=\s*"([^"]*)"/) {
                pieces.append(String(attribute.output.1))
            }
        }
        pieces.append(withoutComments.replacing(/<[A-Za-z\/!?][^<>]*>/, with: ""))
        return pieces
    }

    static func collectStrings(_ value: Any, into strings: inout [String]) {
        switch value {
        case let string as String: strings.append(string)
        case let array as [Any]: for element in array { collectStrings(element, into: &strings) }
        case let dictionary as [String: Any]:
            for (key, element) in dictionary {
                strings.append(key)
                collectStrings(element, into: &strings)
            }
        default: break
        }
    }

    static let namedReferences = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
                                  "commat": "@", "period": ".", "hyphen": "-", "dash": "-", "lpar": "(", "rpar": ")"]

    static func decodeReferences(_ text: String) -> String {
        text.replacing(/&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});?/) { match in
            let body = String(match.output.1)
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) } ?? String(match.output.0)
            }
            if body.hasPrefix("#") {
                return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } ?? String(match.output.0)
            }
            return namedReferences[body] ?? String(match.output.0)
        }
    }

    static func decodePercent(_ text: String) -> String {
        text.replacing(/(%[0-9A-Fa-f]{2})+/) { match in
            String(match.output.0).removingPercentEncoding ?? String(match.output.0)
        }
    }
}
