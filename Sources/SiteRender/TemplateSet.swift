import Mustache
import PageModel

/// The templates of one build: the built-in ones, each replaceable by a file of the same
/// name in the site's `layouts/`. Values are HTML-escaped (``TemplateEscaping``, selected by a
/// line put before every template) unless a template uses `{{{ }}}`,
/// which the built-in templates only do for HTML rendered by cmark-gfm in safe mode.
public struct TemplateSet: Sendable {
    /// A template that does not parse.
    public struct TemplateError: Error, CustomStringConvertible {
        /// What is wrong, naming the template.
        public var description: String
    }

    private let library: MustacheLibrary
    /// The Mustache source of every template, by name (built-in or the site's), which is
    /// what a page's cached copy depends on.
    public let sources: [String: String]

    /// The names of the built-in templates.
    public static var builtInNames: [String] { DefaultLayouts.templates.keys.sorted() }

    /// The built-in source of template `name`.
    public static func builtIn(_ name: String) -> String? { DefaultLayouts.templates[name] }

    /// The built-in templates with `overrides` (name → Mustache source) replacing some.
    public init(overrides: [String: String] = [:]) throws {
        TemplateEscaping.registered
        var library = MustacheLibrary()
        let sources = DefaultLayouts.templates.merging(overrides, uniquingKeysWith: { _, site in site })
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: TemplateEscaping.pragma + source), named: name)
            } catch {
                let error = Self.parseError(source) ?? error
                let origin = overrides[name] != nil ? "layouts/\(name).mustache" : "built-in template \(name)"
                throw TemplateError(description: "\(origin): \(error)")
            }
        }
        for name in ["home", "case", "case-index", "report", "record", "subject", "list", "commitment",
                     "commitment-index", "record-index", "report-index", "page", "style", "search", "timeliness"] where library.getTemplate(named: name) == nil {
            throw TemplateError(description: "template \(name) is missing")
        }
        self.library = library
        self.sources = sources
    }

    /// The error of `source` as written, without the escaping line, so that the error's line
    /// numbers are the file's.
    private static func parseError(_ source: String) -> (any Error)? {
        do {
            _ = try MustacheTemplate(string: source)
            return nil
        } catch {
            return error
        }
    }

    /// The page's HTML.
    public func render(_ page: PageSpec) -> String {
        library.render(page.context, withTemplate: page.template) ?? ""
    }

    /// A built-in static file (the search client `search.js`).
    public static func asset(_ name: String) -> String? { DefaultLayouts.assets[name] }

    /// The stylesheet (`assets/style.css`).
    public func stylesheet() -> String {
        library.render([String: Any](), withTemplate: "style") ?? ""
    }
}
