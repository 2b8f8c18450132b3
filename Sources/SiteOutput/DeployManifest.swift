import Crypto
import Foundation

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
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads a manifest; nil when the file is missing or unreadable (then every file counts
    /// as changed and is compared byte by byte).
    public static func load(_ url: URL) -> DeployManifest? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(DeployManifest.self, from: data)
    }

    /// Deterministic JSON (sorted keys).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
