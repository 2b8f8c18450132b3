import Crypto
import Foundation
import JSONText
import StableDigest

/// Every file of a published folder with its SHA-256 and size (`NAME.manifest.json`, next to
/// the folder), so that a deploy step uploads only what changed and deletes what is gone.
public struct DeployManifest: Codable, Equatable, Sendable {
    /// One file.
    public struct Entry: Codable, Equatable, Sendable {
        /// SHA-256 of the bytes (written as lower-case hex).
        public var sha256: FileDigest
        /// Size in bytes.
        public var size: Int

        /// An entry.
        public init(sha256: FileDigest, size: Int) {
            self.sha256 = sha256
            self.size = size
        }

        private enum CodingKeys: String, CodingKey {
            case sha256, size
        }

        /// Reads `{"sha256": HEX, "size": N}`; a hash that is not 64 hex digits is an error.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let hex = try container.decode(String.self, forKey: .sha256)
            guard let digest = FileDigest(hex: hex) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .sha256, in: container, debugDescription: "not a SHA-256 in hex: \(hex)")
            }
            self.init(sha256: digest, size: try container.decode(Int.self, forKey: .size))
        }

        /// Writes `{"sha256": HEX, "size": N}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sha256.hex, forKey: .sha256)
            try container.encode(size, forKey: .size)
        }
    }

    /// Files by path relative to the folder.
    public var files: [String: Entry]

    /// A manifest.
    public init(files: [String: Entry] = [:]) {
        self.files = files
    }

    /// The SHA-256 of `data`.
    public static func sha256(_ data: Data) -> FileDigest {
        FileDigest(of: data)
    }

    /// Deterministic JSON: files sorted by path, two-space indentation, written directly
    /// byte by byte; the same bytes as `JSONValue`'s pretty form of it (a test holds them
    /// equal), without building a value per file.
    public func encoded() -> Data {
        var data = Data()
        write { data.append(contentsOf: $0) }
        return data
    }

    /// Writes ``encoded()``'s bytes through `flush` in pieces of about `chunk` bytes, so that
    /// a national site's manifest is never held whole.
    public func write(chunk: Int = 1 << 20, to flush: ([UInt8]) throws -> Void) rethrows {
        guard !files.isEmpty else { return try flush(Array("{\n  \"files\" : {}\n}\n".utf8)) }
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        out.append(contentsOf: "{\n  \"files\" : {".utf8)
        for (position, path) in JSONText.sortedByUTF8(files.keys).enumerated() {
            let entry = files[path]!
            out.append(contentsOf: position == 0 ? "\n    ".utf8 : ",\n    ".utf8)
            JSONText.appendQuoted(path, to: &out)
            out.append(contentsOf: " : {\n      \"sha256\" : \"".utf8)
            entry.sha256.appendHex(to: &out)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: ",\n      \"size\" : ".utf8)
            JSONText.appendDecimal(entry.size, to: &out)
            out.append(contentsOf: "\n    }".utf8)
            if out.count >= chunk {
                try flush(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.append(contentsOf: "\n  }\n}\n".utf8)
        try flush(out)
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

    /// Reads the exact layout of ``encoded()`` in one pass; nil for anything else (which
    /// the general decoder then reads).
    static func parseOwnLayout(_ bytes: [UInt8]) -> DeployManifest? {
        var scanner = LayoutScanner(bytes: bytes)
        guard scanner.take("{\n  \"files\" : {") else { return nil }
        var files: [String: Entry] = [:]
        files.reserveCapacity(bytes.count / 130)
        if scanner.take("}\n}\n") { return scanner.atEnd ? DeployManifest(files: files) : nil }
        repeat {
            guard scanner.take("\n    \""), let path = scanner.plainString(),
                  scanner.take(" : {\n      \"sha256\" : \""), let sha = scanner.digest(),
                  scanner.take(",\n      \"size\" : "), let size = scanner.integer(),
                  scanner.take("\n    }") else { return nil }
            files[path] = Entry(sha256: sha, size: size)
        } while scanner.take(",")
        guard scanner.take("\n  }\n}\n"), scanner.atEnd else { return nil }
        return DeployManifest(files: files)
    }

    /// A cursor over the bytes of a manifest in the layout ``encoded()`` writes.
    private struct LayoutScanner {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        /// Moves past `literal` when the bytes continue with it.
        mutating func take(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            let matches = literal.withUTF8Buffer { literal in
                bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + position, literal.baseAddress!, count) == 0 }
            }
            if matches { position += count }
            return matches
        }

        /// The text up to the next quote, which it moves past; nil when the text holds an
        /// escape or a control character (only the general decoder reads those).
        mutating func plainString() -> String? {
            var end = position
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                guard bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 else { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            let text = String(decoding: bytes[position..<end], as: UTF8.self)
            position = end + 1
            return text
        }

        /// 64 hex digits and the quote after them, which it moves past; nil for anything else
        /// (which the general decoder then reads, or rejects).
        mutating func digest() -> FileDigest? {
            guard position + 65 <= bytes.count, bytes[position + 64] == UInt8(ascii: "\""),
                  let digest = FileDigest(hexDigits: bytes[position..<(position + 64)]) else { return nil }
            position += 65
            return digest
        }

        /// A non-negative decimal integer of at most 18 digits, without leading zeros.
        mutating func integer() -> Int? {
            var value = 0
            let start = position
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "0"),
               bytes[position + 1] >= UInt8(ascii: "0"), bytes[position + 1] <= UInt8(ascii: "9") { return nil }
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9"),
                  position - start < 18 {
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
            }
            return position > start ? value : nil
        }
    }
}
