import Markdown
import Mustache

/// The escaping of every `{{ }}` value in gongshi's templates: ``HTMLEscaping/escape(_:)``,
/// the same entities as swift-mustache's own HTML escaping, which walked every `Character`
/// through a dictionary (a tenth of a build's time).
///
/// ``TemplateSet`` selects it with a `{{% CONTENT_TYPE }}` line before every template.
struct TemplateEscaping: MustacheContentType {
    /// The name the content type is registered under.
    static let name = "GONGSHI_HTML"

    /// The line ``TemplateSet`` puts before every template's source. It is a standalone tag,
    /// so it adds no text and leaves the whitespace rules of the template's first line alone.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type with swift-mustache (idempotent).
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
