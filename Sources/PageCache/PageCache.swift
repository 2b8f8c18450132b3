import ByteCoding
import Crypto
import Foundation

/// The pages of the published build, by the digest of their inputs (`pages.bin` in the
/// cache folder). A build looks each page's digest up: a hit whose file the published site
/// still has is published again as it is; anything else is made anew.
///
/// Only the index (digest, offset and length of each page) is held in memory; a page is
/// read from the file when it is looked up, so a large site's cache costs little memory.
/// The file layout is ``PageCacheWriter``'s. It names the build-wide fingerprint and the
/// published manifest it belongs to, and ends with its own SHA-256, checked when it is
/// opened; a file that is missing, damaged, from another fingerprint or for another
/// published site is not used, and the build makes every page (same output). A page that
/// cannot be read back is made anew too.
public final class PageCache: Sendable {
    static let magic = Array("GONGSHI-PAGE-CACHE\n".utf8)
    static let version = 4
    /// Bytes of the trailer: page count, index offset, manifest id, SHA-256.
    static let trailerSize = 8 + 8 + 32 + 32
    /// Bytes of one index entry: digest, offset, length.
    static let indexEntrySize = 32 + 8 + 8

    /// The build-wide fingerprint the pages were made with.
    public let fingerprint: [UInt8]
    /// The SHA-256 of the manifest of the site the pages were published in.
    public let manifestID: [UInt8]
    private let descriptor: Int32
    /// The digests, 32 bytes each, ascending.
    private let digests: [UInt8]
    private let offsets: [Int]
    private let lengths: [Int]

    private init(
        fingerprint: [UInt8], manifestID: [UInt8], descriptor: Int32, digests: [UInt8], offsets: [Int], lengths: [Int]
    ) {
        self.fingerprint = fingerprint
        self.manifestID = manifestID
        self.descriptor = descriptor
        self.digests = digests
        self.offsets = offsets
        self.lengths = lengths
    }

    deinit { close(descriptor) }

    /// Number of pages.
    public var count: Int { offsets.count }

    /// The cached page made from inputs with this digest; nil when there is none, or when it
    /// cannot be read back whole.
    public subscript(digest: [UInt8]) -> CachedPage? {
        guard digest.count == 32, let position = position(of: digest) else { return nil }
        let length = lengths[position]
        guard let bytes = Self.read(descriptor, at: offsets[position], count: length) else { return nil }
        var reader = ByteReader(bytes, end: length)
        guard var page = try? CachedPage(from: &reader), reader.isAtEnd, page.digest == digest else { return nil }
        page.encoded = bytes
        return page
    }

    /// The first index position holding `digest` (pages with equal digests: the first written).
    private func position(of digest: [UInt8]) -> Int? {
        digests.withUnsafeBufferPointer { all -> Int? in
            digest.withUnsafeBufferPointer { wanted -> Int? in
                var low = 0
                var high = offsets.count
                while low < high {
                    let middle = (low + high) / 2
                    if memcmp(all.baseAddress! + middle * 32, wanted.baseAddress!, 32) < 0 {
                        low = middle + 1
                    } else {
                        high = middle
                    }
                }
                guard low < offsets.count, memcmp(all.baseAddress! + low * 32, wanted.baseAddress!, 32) == 0 else {
                    return nil
                }
                return low
            }
        }
    }

    /// Opens `url`; nil (and `why` set) when it is missing, damaged or not for this
    /// fingerprint and published site.
    public static func load(
        _ url: URL, fingerprint: [UInt8], manifestID: [UInt8]?, why: inout String
    ) -> PageCache? {
        guard let manifestID else { why = "no published manifest"; return nil }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { why = "no cache file"; return nil }
        var keep = false
        defer { if !keep { close(descriptor) } }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { why = "no cache file"; return nil }
        let size = Int(status.st_size)
        let headerSize = magic.count + 1 + 32
        guard size >= headerSize + trailerSize else { why = "not a page cache"; return nil }
        guard let header = read(descriptor, at: 0, count: headerSize), Array(header.prefix(magic.count)) == magic else {
            why = "not a page cache"; return nil
        }
        guard header[magic.count] == version else { why = "another format version"; return nil }
        guard Array(header.suffix(32)) == fingerprint else { why = "templates, site, names or program changed"; return nil }
        guard let checked = checksum(descriptor, count: size - 32), let stored = read(descriptor, at: size - 32, count: 32),
              checked == stored
        else { why = "damaged"; return nil }
        guard let trailer = read(descriptor, at: size - trailerSize, count: trailerSize - 32) else { why = "damaged"; return nil }
        var tail = ByteReader(trailer, end: trailer.count)
        guard let count = try? Int(tail.fixed64()), let indexOffset = try? Int(tail.fixed64()),
              let written = try? tail.raw(32)
        else { why = "damaged"; return nil }
        guard written == manifestID else { why = "made for another published site"; return nil }
        guard count >= 0, indexOffset >= headerSize, count <= (size - trailerSize) / indexEntrySize,
              indexOffset + count * indexEntrySize == size - trailerSize,
              let index = read(descriptor, at: indexOffset, count: count * indexEntrySize)
        else { why = "damaged"; return nil }
        var digests = [UInt8]()
        digests.reserveCapacity(count * 32)
        var offsets = [Int]()
        offsets.reserveCapacity(count)
        var lengths = [Int]()
        lengths.reserveCapacity(count)
        var entries = ByteReader(index, end: index.count)
        do {
            for _ in 0..<count {
                digests.append(contentsOf: try entries.raw(32))
                let offset = Int(try entries.fixed64())
                let length = Int(try entries.fixed64())
                guard offset >= headerSize, length >= 0, length <= indexOffset - offset else { throw ByteReader.Truncated() }
                offsets.append(offset)
                lengths.append(length)
            }
        } catch {
            why = "damaged"
            return nil
        }
        keep = true
        return PageCache(fingerprint: fingerprint, manifestID: manifestID, descriptor: descriptor, digests: digests,
                         offsets: offsets, lengths: lengths)
    }

    /// Removes the cache file, so that the next build makes every page.
    public static func remove(_ url: URL) {
        unlink(url.path)
    }

    private static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done))
            }
            guard read > 0 else { return nil }
            done += read
        }
        return bytes
    }

    /// The SHA-256 of the first `count` bytes, read in chunks into one buffer (a buffer per
    /// chunk was a fresh mapping each time: 15,000 page faults for a 60 MB cache).
    private static func checksum(_ descriptor: Int32, count: Int) -> [UInt8]? {
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: min(1 << 20, count))
        var offset = 0
        while offset < count {
            let wanted = min(buffer.count, count - offset)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, wanted, off_t(offset)) }
            guard read > 0 else { return nil }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0.prefix(read))) }
            offset += read
        }
        return Array(hasher.finalize())
    }
}
