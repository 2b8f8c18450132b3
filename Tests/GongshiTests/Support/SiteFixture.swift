import Foundation

/// A site folder for a test build, and helpers to read an output folder.
struct SiteFixture {
    let folder = TemporaryFolder()

    var site: String { folder.path("site") }
    var out: String { folder.path("public") }

    init(toml: String = SiteFixture.defaultTOML, layouts: [String: String] = [:]) throws {
        let site = folder.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try toml.write(to: site.appendingPathComponent("site.toml"), atomically: true, encoding: .utf8)
        try "# 栏目说明\n\n说明。\n".write(to: site.appendingPathComponent("content/about.md"), atomically: true, encoding: .utf8)
        if !layouts.isEmpty {
            try FileManager.default.createDirectory(at: site.appendingPathComponent("layouts"), withIntermediateDirectories: true)
            for (name, source) in layouts {
                try source.write(to: site.appendingPathComponent("layouts/\(name).mustache"), atomically: true, encoding: .utf8)
            }
        }
    }

    static let defaultTOML = """
        title = "失信案例核查"
        base_url = "https://credit.example.gov.cn/sxalhc/"
        [privacy]
        subject_slug_key = "test-site-slug-key-0123456789"
        """

    func snapshotPath(_ name: String = "snapshot.sqlite") -> String { folder.path(name) }
}

/// Every regular file under `root`, by relative path.
func outputFiles(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = URL(fileURLWithPath: root)
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let url = base.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = try Data(contentsOf: url)
        }
    }
    return files
}

/// Every file's text, joined, for greps over the whole output.
func outputText(_ root: String) throws -> [(String, String)] {
    try outputFiles(root).sorted { $0.key < $1.key }.map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
}
