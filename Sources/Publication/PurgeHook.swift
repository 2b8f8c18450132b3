import Foundation

/// The site's CDN purge command (`[publish] purge` in site.toml), run after the upload and
/// before the check: `sh -c COMMAND` with the full address of every uploaded or deleted file on
/// its standard input, one per line (a page also as its folder address, `…/records/R1/`), and
/// their number in `GONGSHI_PURGE_COUNT`.
public struct PurgeHook: Sendable {
    /// The shell command.
    public var command: String

    /// A hook running `command`.
    public init(command: String) {
        self.command = command
    }

    /// The lines given to the command for `paths` under `base`.
    public static func addresses(of paths: [String], base: URL) -> [String] {
        var lines: [String] = []
        for path in paths.sorted() {
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            lines.append(base.absoluteString + encoded)
            if encoded == "index.html" || encoded.hasSuffix("/index.html") {
                lines.append(base.absoluteString + encoded.dropLast("index.html".count))
            }
        }
        return lines
    }

    /// Runs the command; a non-zero exit is an error.
    public func run(paths: [String], base: URL) throws {
        let lines = Self.addresses(of: paths, base: base)
        let arguments = ["/usr/bin/env", "GONGSHI_PURGE_COUNT=\(lines.count)", "/bin/sh", "-c", command]
        _ = try ChildCommand(arguments: arguments, input: Data((lines.joined(separator: "\n") + "\n").utf8)).run()
    }
}
