import Crypto
import Foundation
import JSONText
import StableDigest

/// Every file of a published folder with its SHA-256 and size (`NAME.manifest.json`, next to
/// the folder), so that a deploy step uploads only what changed and deletes what is gone.
public struct DeployManifest: Codable, Equatable, Sendable {
    /// One file.
    public struct Entry: Codable, Equatable, Sendable {
        /// Lower-case hex SHA-256 of the bytes.
        public var sha256: String
        /// Size in bytes.
        public var size: Int

        /// An entry.
        public init(sha256: String, size: Int) {
            self.sha256 = sha256
            self.size = size
        }
    }

    /// Files by path relative to the folder.
    public var files: [String: Entry]

    /// A manifest.
    public init(files: [String: Entry] = [:]) {
        self.files = files
    }

    /// The SHA-256 of `data`, lower-case hex.
    public static func sha256(_ data: Data) -> String {
        StableDigest.hex(Array(SHA256.hash(data: data)))
    }

    /// Deterministic JSON: files sorted by path, two-space indentation, written directly (the
    /// general encoder takes about a second for a national-size site).
    public func encoded() -> Data {
        let entries: [(String, JSONValue?)] = files.map { path, entry in
            (path, .object([("sha256", .string(entry.sha256)), ("size", .int(entry.size))]))
        }
        return Data(JSONValue.object([("files", .object(entries))]).pretty())
    }

    /// Reads a manifest; nil when the file is missing or unreadable (then every file counts
    /// as changed and is compared byte by byte).
    public static func load(_ url: URL) -> DeployManifest? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? decode(data)
    }

    /// Parses a manifest's JSON: the layout ``encoded()`` writes is read directly, anything
    /// else (a manifest edited or written by another tool) with the general decoder.
    public static func decode(_ data: Data) throws -> DeployManifest {
        if let manifest = data.withUnsafeBytes({ parseOwnLayout(Array($0.bindMemory(to: UInt8.self))) }) {
            return manifest
        }
        return try JSONDecoder().decode(DeployManifest.self, from: data)
    }

    /// Reads the exact layout of ``encoded()``; nil for anything else.
    static func parseOwnLayout(_ bytes: [UInt8]) -> DeployManifest? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 4, Array(lines[0]) == Array("{".utf8), Array(lines[1]) == Array("  \"files\" : {".utf8)
        else { return nil }
        var files: [String: Entry] = [:]
        files.reserveCapacity(lines.count / 4)
        func quoted(_ line: ArraySlice<UInt8>, prefix: String, suffix: String) -> String? {
            let prefix = Array(prefix.utf8)
            let suffix = Array(suffix.utf8)
            guard line.count >= prefix.count + suffix.count, line.starts(with: prefix), line.reversed().starts(with: suffix.reversed())
            else { return nil }
            let inner = line.dropFirst(prefix.count).dropLast(suffix.count)
            guard !inner.contains(UInt8(ascii: "\\")), !inner.contains(UInt8(ascii: "\"")) else { return nil }
            return String(decoding: inner, as: UTF8.self)
        }
        var index = 2
        while index + 3 < lines.count, lines[index].starts(with: Array("    \"".utf8)) {
            guard let path = quoted(lines[index], prefix: "    \"", suffix: "\" : {"),
                  let sha = quoted(lines[index + 1], prefix: "      \"sha256\" : \"", suffix: "\","),
                  let sizeText = quoted(lines[index + 2], prefix: "      \"size\" : ", suffix: ""), let size = Int(sizeText),
                  Array(lines[index + 3]) == Array("    },".utf8) || Array(lines[index + 3]) == Array("    }".utf8)
            else { return nil }
            files[path] = Entry(sha256: sha, size: size)
            index += 4
        }
        let rest = lines[index...].map { String(decoding: $0, as: UTF8.self) }
        guard rest == ["  }", "}", ""] else { return nil }
        return DeployManifest(files: files)
    }
}
