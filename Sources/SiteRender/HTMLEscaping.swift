import Mustache

/// The HTML escaping of every `{{ }}` value in gongshi's templates: `&`, `<`, `>`, `"` and `'`
/// become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, the entities swift-mustache's own
/// HTML escaping writes. It works on UTF-8 bytes and returns text with none of them as it
/// is, where swift-mustache's walks every `Character` through a dictionary (a tenth of a
/// build's time). It also escapes a quote or bracket that a combining mark follows, which
/// the `Character` walk lets through.
///
/// ``TemplateSet`` selects it with a `{{% CONTENT_TYPE }}` line before every template.
struct HTMLEscaping: MustacheContentType {
    /// The name the content type is registered under.
    static let name = "GONGSHI_HTML"

    /// The line ``TemplateSet`` puts before every template's source. It is a standalone tag,
    /// so it adds no text and leaves the whitespace rules of the template's first line alone.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type with swift-mustache (idempotent).
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `text` HTML-escaped.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var escaped = [UInt8]()
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
