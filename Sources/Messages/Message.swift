/// A message for operators: a stable machine code and the values it names, written out in
/// either language from ``MessageCatalogue``.
///
/// The code never changes between releases, so scripts and searches can rely on it; the
/// text is the catalogue's template for the code with `{name}` replaced by the argument of
/// that name. A value is inserted as it is: braces inside it are not read as placeholders.
public struct Message: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The machine code (`column_missing`), the catalogue's key.
    public var code: String
    /// The values the template names.
    public var arguments: [String: String]

    /// The message `code` with `arguments`.
    public init(_ code: String, _ arguments: [String: String] = [:]) {
        assert(MessageCatalogue.entries[code] != nil, "no message \(code) in the catalogue")
        self.code = code
        self.arguments = arguments
    }

    /// The text in `language`, without the code.
    public func text(in language: MessageLanguage) -> String {
        guard let entry = MessageCatalogue.entries[code] else {
            // Unknown code (a test keeps the catalogue whole): the code and its values.
            return code + arguments.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        }
        return Self.fill(language == .chinese ? entry.chinese : entry.english, with: arguments)
    }

    /// The text in `language` followed by the code in brackets: `… [column_missing]`.
    public func coded(in language: MessageLanguage = .current) -> String {
        text(in: language) + " [\(code)]"
    }

    /// The text with its code, in the process's language.
    public var description: String { coded() }

    /// The text in the process's language, without the code.
    public var text: String { text(in: .current) }

    /// `template` with each `{name}` replaced by `arguments[name]`, in one pass; an unknown
    /// name is left as it is.
    static func fill(_ template: String, with arguments: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return result + rest[open...] }
            let name = String(rest[rest.index(after: open)..<close])
            assert(arguments[name] != nil, "no value for {\(name)} in \(template)")
            result += arguments[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The `{name}` placeholders of `template`.
    static func placeholders(of template: String) -> Set<String> {
        var names = Set<String>()
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
