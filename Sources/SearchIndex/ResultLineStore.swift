import ByteCoding
import CreditVocabulary
import Foundation

/// Where a search index keeps its documents' result lines (title, link, kind, date,
/// regions, snippet) until the `d/` files are written: in memory, or spilled to an unnamed
/// temporary file (created and unlinked at once, so nothing is left behind however the
/// process ends), which takes a national index's snippets, a quarter of a gigabyte, out of
/// memory. Lines are appended by one thread; once ``finishWriting()`` has run they are read
/// from any thread.
public final class ResultLineStore: @unchecked Sendable {
    private var memory: [SearchIndexWriter.ResultLine] = []
    private let descriptor: Int32
    private var buffer = ByteWriter()
    private var flushed = 0
    private var offsets: [Int] = []
    /// Why spilling stopped (the lines are then kept in memory from there on).
    public private(set) var problem: String?

    /// A store that keeps lines in memory.
    public init() {
        descriptor = -1
    }

    /// A store that spills lines to a temporary file in `folder`; in memory when the file
    /// cannot be made.
    public init(spillingTo folder: URL) {
        let path = folder.appendingPathComponent(".search-lines-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp").path
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let opened = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if opened >= 0 { unlink(path) } else { problem = "\(path): cannot be created (errno \(errno))" }
        descriptor = opened
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Number of lines.
    public var count: Int { descriptor >= 0 ? offsets.count : memory.count }

    /// Appends a line.
    public func append(_ line: SearchIndexWriter.ResultLine) {
        guard descriptor >= 0, problem == nil else { return memory.append(line) }
        offsets.append(flushed + buffer.bytes.count)
        for text in [line.kind.rawValue, line.path, line.title, line.date.iso, line.regions, line.snippet] {
            buffer.string(text)
        }
        if buffer.bytes.count >= 1 << 20 { flush() }
    }

    /// Writes what is buffered; after this, lines may be read from any thread.
    public func finishWriting() {
        if descriptor >= 0 && problem == nil { flush() }
    }

    private func flush() {
        let count = buffer.bytes.count
        var done = 0
        while done < count {
            let written = buffer.bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, count - done, off_t(flushed + done)) }
            guard written > 0 else {
                // The lines so far stay readable from the buffer; later ones go to memory.
                problem = "cannot write the search lines (errno \(errno))"
                return
            }
            done += written
        }
        flushed += count
        buffer.bytes.removeAll(keepingCapacity: true)
    }

    /// The line at `index`.
    public func line(_ index: Int) -> SearchIndexWriter.ResultLine {
        guard descriptor >= 0 else { return memory[index] }
        if index >= offsets.count { return memory[index - offsets.count] }
        let start = offsets[index]
        let end = index + 1 < offsets.count ? offsets[index + 1] : flushed + buffer.bytes.count
        var bytes: [UInt8]
        if start >= flushed {
            bytes = Array(buffer.bytes[(start - flushed)..<(end - flushed)])
        } else {
            let count = end - start
            bytes = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(start + done)) }
                precondition(read > 0, "the search lines' temporary file cannot be read (errno \(errno))")
                done += read
            }
        }
        var reader = ByteReader(bytes, end: bytes.count)
        do {
            let kind = try reader.string()
            let path = try reader.string()
            let title = try reader.string()
            let date = try reader.string()
            let regions = try reader.string()
            let snippet = try reader.string()
            guard let kind = SearchDocument.Kind(rawValue: kind), let date = CivilDate(iso: date) else {
                throw ByteReader.Truncated()
            }
            return SearchIndexWriter.ResultLine(kind: kind, path: path, title: title, date: date, regions: regions, snippet: snippet)
        } catch {
            preconditionFailure("the search lines' temporary file does not hold line \(index)")
        }
    }
}
