import CreditVocabulary
import Redaction
import SearchIndex
import SiteRender
import SnapshotModel

extension CachedPage {
    func write(to writer: inout ByteWriter) {
        writer.raw(digest)
        writer.string(path)
        writer.string(sha256)
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
            writer.string(document.kind.rawValue)
            writer.string(document.path)
            writer.string(document.title)
            writer.string(document.date.iso)
            writer.integer(document.regions.count)
            for region in document.regions { writer.string(region) }
            writer.string(document.list?.rawValue ?? "")
            writer.string(document.text)
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
        sha256 = try reader.string()
        size = try reader.integer()
        feedItem = try reader.integer() == 1
            ? FeedItem(title: try reader.string(), path: try reader.string(), date: try date()) : nil
        var documents: [SearchDocument] = []
        for _ in 0..<(try reader.count()) {
            let kind = try value(SearchDocument.Kind.self)
            let path = try reader.string()
            let title = try reader.string()
            let date = try date()
            var regions: [String] = []
            for _ in 0..<(try reader.count()) { regions.append(try reader.string()) }
            let list = try reader.string()
            documents.append(SearchDocument(
                cachedKind: kind, path: path, title: title, date: date, regions: regions,
                list: list.isEmpty ? nil : try ListKind(rawValue: list) ?? { throw ByteReader.Truncated() }(),
                cachedText: try reader.string()))
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
