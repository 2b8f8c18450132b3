import ByteCoding
import Crypto
import Foundation

/// Writes the next build's page cache while the build runs: pages go to a temporary file as
/// they are made or kept (nothing is held but the index), and ``finish(manifestID:)`` adds
/// the index and the trailer once the site is published, then puts the file in place in one
/// step. Until then the previous cache file is untouched.
///
/// Layout: magic, format version, fingerprint; the pages; the index (digest, offset and
/// length of each page, ordered by digest); page count, index offset, manifest id; the
/// SHA-256 of all that. Integers in the index and trailer are 64-bit little-endian.
///
/// Used by one thread at a time (the page writer, then the builder).
public final class PageCacheWriter: @unchecked Sendable {
    private let url: URL
    private let temporary: URL
    private var descriptor: Int32
    private var buffer = ByteWriter()
    private var hasher = SHA256()
    private var flushed = 0
    private var digests: [UInt8] = []
    private var offsets: [Int] = []
    private var lengths: [Int] = []

    /// Starts a cache file for `url` (written to a temporary file beside it).
    public init(url: URL, fingerprint: [UInt8]) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error(temporary) }
        buffer.raw(PageCache.magic)
        buffer.bytes.append(UInt8(PageCache.version))
        buffer.raw(fingerprint)
    }

    deinit {
        if descriptor >= 0 { abandon() }
    }

    /// Number of pages appended.
    public var count: Int { offsets.count }

    /// Appends a page.
    public func append(_ page: CachedPage) throws {
        precondition(page.digest.count == 32, "a page digest is a SHA-256")
        let offset = flushed + buffer.bytes.count
        if let encoded = page.encoded { buffer.raw(encoded) } else { page.write(to: &buffer) }
        digests.append(contentsOf: page.digest)
        offsets.append(offset)
        lengths.append(flushed + buffer.bytes.count - offset)
        if buffer.bytes.count >= 1 << 20 { try flush() }
    }

    /// Adds the index and trailer and replaces the cache file.
    public func finish(manifestID: [UInt8]) throws {
        let indexOffset = flushed + buffer.bytes.count
        let order = offsets.indices.sorted { left, right in
            let compared = digests.withUnsafeBufferPointer { memcmp($0.baseAddress! + left * 32, $0.baseAddress! + right * 32, 32) }
            return compared != 0 ? compared < 0 : left < right
        }
        for position in order {
            buffer.raw(Array(digests[position * 32..<position * 32 + 32]))
            buffer.fixed64(UInt64(offsets[position]))
            buffer.fixed64(UInt64(lengths[position]))
            if buffer.bytes.count >= 1 << 20 { try flush() }
        }
        buffer.fixed64(UInt64(order.count))
        buffer.fixed64(UInt64(indexOffset))
        buffer.raw(manifestID)
        try flush()
        buffer.raw(Array(hasher.finalize()))
        try flush(hashing: false)
        guard close(descriptor) == 0 else { descriptor = -1; throw Self.error(temporary) }
        descriptor = -1
        guard rename(temporary.path, url.path) == 0 else { throw Self.error(url) }
    }

    /// Stops and removes the temporary file; the previous cache file is left as it is.
    public func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary.path)
    }

    private func flush(hashing: Bool = true) throws {
        if hashing { hasher.update(data: buffer.bytes) }
        var done = 0
        while done < buffer.bytes.count {
            let written = buffer.bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + done, $0.count - done) }
            guard written > 0 else { throw Self.error(temporary) }
            done += written
        }
        flushed += buffer.bytes.count
        buffer.bytes.removeAll(keepingCapacity: true)
    }

    private static func error(_ url: URL) -> any Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}
