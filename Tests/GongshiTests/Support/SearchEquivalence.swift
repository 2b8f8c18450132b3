import Foundation
import SearchIndex
import Testing

/// The search index's document numbers are history (``SearchNumbering``): two sites built
/// from the same snapshot with different pasts hold the same documents under different
/// numbers. These compare sites the way that matters.

/// A site's files without those whose bytes carry document numbers (the search shards,
/// chunks and manifest).
func withoutNumberedSearchFiles(_ files: [String: Data]) -> [String: Data] {
    files.filter { path, _ in
        !(path.hasPrefix("search/h/") || path.hasPrefix("search/w/") || path.hasPrefix("search/d/") || path == "search/manifest.json")
    }
}

/// Every result line of the index under `root/search/`.
func searchRows(_ root: String) throws -> [[String]] {
    let folder = URL(fileURLWithPath: root).appendingPathComponent("search/d")
    var rows: [[String]] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        let chunk = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [Any] ?? []
        rows += chunk.compactMap { $0 as? [String] }
    }
    return rows.sorted { $0.lexicographicallyPrecedes($1) }
}

/// Expects the indexes of two sites to hold the same result lines and facets, and to answer
/// the same for every result's title, the first two characters of each and each kind filter:
/// the same results, in the same order of dates.
func expectSameSearch(_ one: String, _ other: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let rows = try searchRows(one)
    #expect(rows == (try searchRows(other)), "the indexes hold the same result lines", sourceLocation: sourceLocation)
    func manifest(_ root: String) throws -> NSDictionary {
        let url = URL(fileURLWithPath: root).appendingPathComponent("search/manifest.json")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        object["span"] = nil
        return object as NSDictionary
    }
    #expect(try manifest(one) == (try manifest(other)), sourceLocation: sourceLocation)
    func engine(_ root: String) -> SearchEngine {
        let folder = URL(fileURLWithPath: root).appendingPathComponent("search")
        return SearchEngine { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }
    let left = engine(one), right = engine(other)
    var queries: [(String, SearchEngine.Filters)] = []
    for title in Set(rows.map { $0[0] }).sorted() {
        queries.append((title, .init()))
        queries.append((String(title.prefix(2)), .init()))
    }
    for kind in SearchDocument.Kind.allCases { queries.append(("", .init(kind: kind.rawValue))) }
    for (query, filters) in queries {
        let a = try left.search(query, filters: filters, pageSize: 100_000).hits
        let b = try right.search(query, filters: filters, pageSize: 100_000).hits
        #expect(Set(a.map(\.path)) == Set(b.map(\.path)), "\(query) \(filters)", sourceLocation: sourceLocation)
        #expect(a.map(\.date) == b.map(\.date), "\(query) \(filters): results in the same order of dates", sourceLocation: sourceLocation)
    }
}
