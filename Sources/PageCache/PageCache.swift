import Crypto
import Foundation

/// The pages of the published build, by the digest of their inputs (`pages.bin` in the
/// cache folder). A build looks each page's digest up: a hit whose file the published site
/// still has is published again as it is; anything else is made anew.
///
/// The file names the build-wide fingerprint and the published manifest it belongs to, and
/// ends with its own SHA-256; a file that is missing, damaged, from another fingerprint or
/// for another published site is not used, and the build makes every page (same output).
public struct PageCache: Sendable {
    static let magic = Array("GONGSHI-PAGE-CACHE\n".utf8)
    static let version = 1

    /// The build-wide fingerprint the pages were made with.
    public let fingerprint: [UInt8]
    /// The SHA-256 of the manifest of the site the pages were published in.
    public let manifestID: [UInt8]
    /// Pages by digest.
    public private(set) var pages: [[UInt8]: CachedPage]

    /// A cache.
    public init(fingerprint: [UInt8], manifestID: [UInt8], pages: [CachedPage]) {
        self.fingerprint = fingerprint
        self.manifestID = manifestID
        self.pages = Dictionary(pages.map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cached page made from inputs with this digest.
    public subscript(digest: [UInt8]) -> CachedPage? { pages[digest] }

    /// Reads `url`; nil (and `why` set) when it is missing, damaged or not for this
    /// fingerprint and published site.
    public static func load(
        _ url: URL, fingerprint: [UInt8], manifestID: [UInt8]?, why: inout String
    ) -> PageCache? {
        guard let manifestID else { why = "no published manifest"; return nil }
        guard let data = try? Data(contentsOf: url) else { why = "no cache file"; return nil }
        let bytes = [UInt8](data)
        guard bytes.count > magic.count + 32, Array(bytes.prefix(magic.count)) == magic else {
            why = "not a page cache"; return nil
        }
        let end = bytes.count - 32
        guard Array(SHA256.hash(data: bytes[..<end])) == Array(bytes[end...]) else { why = "damaged"; return nil }
        var reader = ByteReader(bytes, end: end)
        reader.offset = magic.count
        do {
            guard try reader.integer() == version else { why = "another format version"; return nil }
            guard try reader.raw(32) == fingerprint else { why = "templates, site, names or program changed"; return nil }
            guard try reader.raw(32) == manifestID else { why = "made for another published site"; return nil }
            var pages: [CachedPage] = []
            let count = try reader.count()
            pages.reserveCapacity(count)
            for _ in 0..<count { pages.append(try CachedPage(from: &reader)) }
            guard reader.isAtEnd else { why = "damaged"; return nil }
            return PageCache(fingerprint: fingerprint, manifestID: manifestID, pages: pages)
        } catch {
            why = "damaged"
            return nil
        }
    }

    /// Writes the cache to `url` in one step (temporary file, then rename).
    public static func write(_ pages: [CachedPage], fingerprint: [UInt8], manifestID: [UInt8], to url: URL) throws {
        var writer = ByteWriter()
        writer.raw(magic)
        writer.integer(version)
        writer.raw(fingerprint)
        writer.raw(manifestID)
        writer.integer(pages.count)
        for page in pages { page.write(to: &writer) }
        writer.raw(Array(SHA256.hash(data: writer.bytes)))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(writer.bytes).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Removes the cache file, so that the next build makes every page.
    public static func remove(_ url: URL) {
        unlink(url.path)
    }
}
