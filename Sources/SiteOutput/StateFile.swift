import Foundation
import Messages

/// The state folder's small files (manifests, changes, ledgers, records of publications):
/// each written beside its place as `.NAME.tmp` and renamed in, so a reader or a crash never
/// finds half of one; JSON ones in one layout.
public enum StateFile {
    /// Where `url` is written before it is renamed into place.
    public static func temporary(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
    }

    /// Renames `temporary` to `url`, replacing it.
    public static func put(_ temporary: URL, at url: URL) throws {
        guard rename(temporary.path, url.path) == 0 else { throw OutputError.notWritten(url.path, errno: errno) }
    }

    /// Replaces `url` with `data` in one rename.
    public static func replace(_ url: URL, with data: Data) throws {
        let staged = temporary(for: url)
        try data.write(to: staged)
        try put(staged, at: url)
    }

    /// `value` as the state files' JSON: indented, keys sorted, slashes plain, a final newline.
    public static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }
}
