import ByteCoding
import Foundation
import SearchIndex

/// The search index's document numbers (`search-numbers.bin` in the cache folder), kept for
/// the next build's ``SearchNumbering``. Unlike the page cache it holds for any program
/// version and any site settings: numbers are only worth keeping, never wrong to keep (the
/// index files are made for whatever numbering they are given), and a program upgrade should
/// not renumber, and so rewrite, the whole index.
///
/// Layout: magic, format version, shard count, entry count; per entry its link, day number and number;
/// block shift count; per blocked list its key and shift;
/// the SHA-256 of all that. A file that is missing or damaged is not used: every document
/// is numbered again, which rewrites the index once.
public enum SearchNumberFile {
    static let magic = Array("GONGSHI-SEARCH-NUMBERS\n".utf8)
    static let version: UInt8 = 2

    /// Reads `url`; nil when it is missing or damaged.
    public static func load(_ url: URL) -> SearchNumbering? {
        guard let bytes = SearchFileCache.checkedBytes(url, minimum: magic.count + 1) else { return nil }
        var reader = ByteReader(bytes, end: bytes.count)
        do {
            guard try reader.raw(magic.count) == magic, try reader.raw(1) == [version] else { return nil }
            let shardCount = try reader.integer()
            let count = try reader.count()
            var entries: [SearchNumbering.Entry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                let day = try reader.integer(), number = try reader.integer()
                guard let day = Int32(exactly: day), let number = Int32(exactly: number), number >= 0 else { return nil }
                entries.append(SearchNumbering.Entry(path: path, day: day, number: number))
            }
            var shifts: [String: Int] = [:]
            for _ in 0..<(try reader.count()) {
                let key = try reader.string()
                shifts[key] = try reader.integer()
            }
            guard reader.isAtEnd else { return nil }
            return SearchNumbering(entries: entries, shardCount: shardCount, blockShifts: shifts)
        } catch {
            return nil
        }
    }

    /// Writes `numbering` to `url`, through a temporary file renamed into place.
    public static func write(_ numbering: SearchNumbering, to url: URL) throws {
        var writer = ByteWriter()
        writer.raw(magic)
        writer.bytes.append(version)
        writer.integer(numbering.shardCount)
        writer.integer(numbering.entries.count)
        for entry in numbering.entries {
            writer.string(entry.path)
            writer.integer(Int(entry.day))
            writer.integer(Int(entry.number))
        }
        writer.integer(numbering.blockShifts.count)
        for (key, shift) in numbering.blockShifts.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.integer(shift)
        }
        try SearchFileCache.replace(url, with: writer)
    }
}
