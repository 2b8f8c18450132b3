import Messages
import Foundation
import Redaction

/// A site folder: `site.toml`, `content/*.md` and `layouts/*.mustache`.
public struct SiteFolder: Sendable {
    /// Path segments the generator writes itself; content pages cannot take them.
    public static let reservedNames: Set<String> = [
        "cases", "reports", "records", "subjects", "lists", "commitments", "search", "assets", "data", "feed.xml",
        "sitemap.xml", "robots.txt", "index", "page", "internal",
    ]

    /// The folder.
    public var root: URL
    /// `site.toml` (defaults when the file is absent).
    public var configuration: SiteConfiguration
    /// The content pages, sorted by name.
    public var contentPages: [ContentPage]
    /// Templates that replace the built-in ones, by name (without `.mustache`).
    public var layoutOverrides: [String: String]
    /// Things the operator should know (no `site.toml`, no slug key).
    public var warnings: [Message]

    /// Loads the site folder at `path`.
    public static func load(_ path: String) throws -> SiteFolder {
        let root = URL(fileURLWithPath: path, isDirectory: true)
        var warnings: [Message] = []
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteFolderError(Message("site_folder_missing"), file: path)
        }
        var configuration = SiteConfiguration()
        let tomlURL = root.appendingPathComponent("site.toml")
        if manager.fileExists(atPath: tomlURL.path) {
            let text = try readUTF8(tomlURL)
            var lines: [String: Int] = [:]
            do {
                let parsed = try SiteTOML.parseWithLines(text)
                lines = parsed.lines
                configuration = try SiteConfiguration(toml: parsed.root)
            } catch let error as SiteTOML.SyntaxError {
                throw SiteFolderError(Message("toml_syntax", ["problem": error.message, "column": "\(error.column)"]),
                                      file: tomlURL.path, line: error.line)
            } catch var error as SiteFolderError {
                // A message about one key gives the key's line.
                error.file = tomlURL.path
                error.line = error.key.flatMap { lines[$0] }
                throw error
            }
        } else {
            warnings.append(Message("site_toml_missing", ["path": tomlURL.path]))
        }
        if configuration.subjectSlugKey == nil {
            warnings.append(Message("site_no_slug_key"))
        }

        var pages: [ContentPage] = []
        let contentURL = root.appendingPathComponent("content", isDirectory: true)
        for file in try markdownFiles(in: contentURL, extension: "md") {
            let name = String(file.deletingPathExtension().lastPathComponent)
            guard PublicPathRules.isContentName(name), !reservedNames.contains(name) else {
                throw SiteFolderError(Message("site_page_name", ["name": name]), file: file.path)
            }
            let body = try readUTF8(file)
            let heading = body.split(separator: "\n").first { $0.hasPrefix("# ") }
            let title = heading.map { String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces) } ?? name
            pages.append(ContentPage(name: name, title: SiteText(operatorAuthored: title), body: SiteText(operatorAuthored: body)))
        }
        var layouts: [String: String] = [:]
        for file in try markdownFiles(in: root.appendingPathComponent("layouts", isDirectory: true), extension: "mustache") {
            layouts[file.deletingPathExtension().lastPathComponent] = try readUTF8(file)
        }
        return SiteFolder(
            root: root, configuration: configuration, contentPages: pages.sorted { $0.name < $1.name },
            layoutOverrides: layouts, warnings: warnings)
    }

    private static func readUTF8(_ url: URL) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw SiteFolderError(Message("site_file_unreadable"), file: url.path) }
        guard let text = String(data: data, encoding: .utf8) else { throw SiteFolderError(Message("site_file_not_utf8"), file: url.path) }
        return text
    }

    private static func markdownFiles(in folder: URL, extension fileExtension: String) throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().filter { $0.hasSuffix("." + fileExtension) && !$0.hasPrefix(".") }
            .map { folder.appendingPathComponent($0) }
    }
}

/// Naming rules for content pages.
enum PublicPathRules {
    /// `^[a-z0-9][a-z0-9-]*$`.
    static func isContentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
