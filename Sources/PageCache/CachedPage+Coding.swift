import ByteCoding
import CreditVocabulary
import Redaction
import SearchIndex
import SiteRender
import SnapshotModel
import StableDigest

extension CachedPage {
    func write(to writer: inout ByteWriter) {
        writer.raw(digest)
        writer.string(path)
        writer.raw(sha256.bytes)
        writer.integer(size)
        if let feedItem {
            writer.integer(1)
            writer.string(feedItem.title)
            writer.string(feedItem.path)
            writer.string(feedItem.date.iso)
        } else {
            writer.integer(0)
        }
        writer.integer(searchDocuments.count)
        for document in searchDocuments {
            let line = document.line
            writer.string(line.kind.rawValue)
            writer.string(line.path)
            writer.string(line.title)
            writer.string(line.date.iso)
            writer.string(line.regions)
            writer.string(line.snippet)
            writer.ascending(document.han)
            writer.strings(document.words)
            writer.ascending(document.titleHan)
            writer.strings(document.titleWords)
            writer.ascending(document.nameHan)
            writer.strings(document.nameWords)
            writer.strings(document.filters)
        }
        writer.integer(events.count)
        for event in events {
            writer.string(event.row.table.rawValue)
            writer.string(event.row.id)
            writer.string(event.field)
            writer.string(event.rule.rawValue)
            writer.integer(event.offset)
            writer.integer(event.length)
        }
    }

    init(from reader: inout ByteReader) throws {
        func date() throws -> CivilDate {
            guard let date = CivilDate(iso: try reader.string()) else { throw ByteReader.Truncated() }
            return date
        }
        func value<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try reader.string()) else { throw ByteReader.Truncated() }
            return value
        }
        digest = try reader.raw(32)
        path = try reader.string()
        guard let sha256 = FileDigest(bytes: try reader.raw(32)) else { throw ByteReader.Truncated() }
        self.sha256 = sha256
        size = try reader.integer()
        feedItem = try reader.integer() == 1
            ? FeedItem(title: try reader.string(), path: try reader.string(), date: try date()) : nil
        var documents: [SearchIndexWriter.PreparedDocument] = []
        for _ in 0..<(try reader.count()) {
            let line = SearchIndexWriter.ResultLine(
                kind: try value(SearchDocument.Kind.self), path: try reader.string(), title: try reader.string(),
                date: try date(), regions: try reader.string(), snippet: try reader.string())
            documents.append(SearchIndexWriter.PreparedDocument(
                cachedLine: line, han: try reader.ascending(), words: try reader.strings(),
                titleHan: try reader.ascending(), titleWords: try reader.strings(),
                nameHan: try reader.ascending(), nameWords: try reader.strings(), filters: try reader.strings()))
        }
        searchDocuments = documents
        var events: [RedactionEvent] = []
        for _ in 0..<(try reader.count()) {
            let row = RowRef(try value(SnapshotTable.self), try reader.string())
            events.append(RedactionEvent(
                row: row, field: try reader.string(), rule: try value(RedactionRule.self), offset: try reader.integer(),
                length: try reader.integer()))
        }
        self.events = events
    }
}
