import Foundation

/// A value of a JSON document written ahead, in the pretty layout at the depth it will have
/// in the document, to an unnamed temporary file (created and unlinked at once, so nothing
/// is left behind however the process ends). The document copies it in when it is written
/// (``JSONValue/prewritten(_:)``): a build report's long lists are written while the build
/// still has other work on its cores, and the report at the end is mostly a copy.
public final class PrewrittenJSON: @unchecked Sendable {
    /// The depth the value was written at; it is placed at that depth only.
    public let depth: Int
    /// Bytes written.
    public let count: Int
    private let descriptor: Int32

    /// Writes `value` at `depth` to a temporary file in `folder`.
    /// - Throws: when the file cannot be made or written (nothing is left behind).
    public init(_ value: JSONValue, depth: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(".json-part-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.error(path) }
        unlink(path)
        var written = 0
        do {
            try value.writePretty(depth: depth) { bytes in
                try bytes.withUnsafeBytes { buffer in
                    var done = 0
                    while done < buffer.count {
                        let result = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(written + done))
                        guard result > 0 else { throw Self.error(path) }
                        done += result
                    }
                }
                written += bytes.count
            }
        } catch {
            close(descriptor)
            throw error
        }
        self.depth = depth
        self.count = written
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Calls `body` with the bytes in order, a chunk at a time.
    func forEachChunk(_ body: ([UInt8]) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: min(1 << 20, max(count, 1)))
        var offset = 0
        while offset < count {
            let wanted = min(buffer.count, count - offset)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, wanted, off_t(offset)) }
            guard read > 0 else { throw Self.error("a prewritten JSON part") }
            try body(read == buffer.count ? buffer : Array(buffer[..<read]))
            offset += read
        }
    }

    private static func error(_ path: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, "errno": errno])
    }
}
