import ByteCoding
import Crypto
import Foundation
import SiteOutput
import StableDigest

/// The search index files of the last build (`search-files.bin` in the cache folder): for
/// each, the fingerprint of what it was made from (``ContentFingerprint``), its SHA-256 and
/// its size. A build keeps a file whose fingerprint is unchanged and whose published copy
/// is the one named here (the output checks that against the published manifest), and
/// makes only the others: after one record changes, a handful of the index's thousands.
///
/// Layout: magic, format version, build fingerprint, file count; per file its path, the
/// fingerprint's two lanes, SHA-256 and size; the SHA-256 of all that. A file that is
/// missing, damaged or from another build fingerprint (program, templates, site) is not
/// used, and every index file is made (same output).
public struct SearchFileCache: Sendable {
    static let magic = Array("GONGSHI-SEARCH-FILES\n".utf8)
    static let version: UInt8 = 1

    /// What is known of one index file.
    public struct File: Sendable, Equatable {
        /// The fingerprint of what it was made from.
        public var fingerprint: ContentFingerprint
        /// SHA-256 of its bytes.
        public var sha256: FileDigest
        /// Its size in bytes.
        public var size: Int

        /// A file's record.
        public init(fingerprint: ContentFingerprint, sha256: FileDigest, size: Int) {
            self.fingerprint = fingerprint
            self.sha256 = sha256
            self.size = size
        }
    }

    /// The files, by path relative to `search/`.
    public let files: [String: File]

    /// A cache of these files.
    public init(files: [String: File]) {
        self.files = files
    }

    /// Reads `url`; nil when it is missing, damaged or not for this build fingerprint.
    public static func load(_ url: URL, fingerprint: [UInt8]) -> SearchFileCache? {
        guard let bytes = checkedBytes(url, minimum: magic.count + 1 + 32) else { return nil }
        var reader = ByteReader(bytes, end: bytes.count)
        do {
            guard try reader.raw(magic.count) == magic, try reader.raw(1) == [version],
                  try reader.raw(32) == fingerprint
            else { return nil }
            let count = try reader.count()
            var files: [String: File] = [:]
            files.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                let high = try reader.fixed64(), low = try reader.fixed64()
                guard let sha256 = FileDigest(bytes: try reader.raw(32)) else { return nil }
                let size = try reader.integer()
                files[path] = File(fingerprint: ContentFingerprint(high: high, low: low), sha256: sha256, size: size)
            }
            guard reader.isAtEnd else { return nil }
            return SearchFileCache(files: files)
        } catch {
            return nil
        }
    }

    /// Writes the cache to `url` for this build fingerprint, through a temporary file renamed
    /// into place.
    public func write(to url: URL, fingerprint: [UInt8]) throws {
        var writer = ByteWriter()
        writer.raw(Self.magic)
        writer.bytes.append(Self.version)
        writer.raw(fingerprint)
        writer.integer(files.count)
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.fixed64(file.fingerprint.high)
            writer.fixed64(file.fingerprint.low)
            writer.raw(file.sha256.bytes)
            writer.integer(file.size)
        }
        try Self.replace(url, with: writer)
    }

    /// Writes `writer`'s bytes and their SHA-256 to `url`, through a temporary file renamed
    /// into place.
    static func replace(_ url: URL, with writer: ByteWriter) throws {
        var writer = writer
        writer.raw(Array(SHA256.hash(data: writer.bytes)))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try StateFile.replace(url, with: Data(writer.bytes))
        } catch {
            unlink(StateFile.temporary(for: url).path)
            throw error
        }
    }

    /// The bytes of `url` before their SHA-256, if it ends with theirs.
    static func checkedBytes(_ url: URL, minimum: Int) -> [UInt8]? {
        guard let data = try? Data(contentsOf: url), data.count >= minimum + 32 else { return nil }
        let bytes = [UInt8](data)
        let body = bytes.count - 32
        guard Array(SHA256.hash(data: bytes[..<body])) == Array(bytes[body...]) else { return nil }
        return Array(bytes[..<body])
    }

    /// Removes the cache file, so that the next build makes every index file.
    public static func remove(_ url: URL) {
        unlink(url.path)
    }
}
