import Foundation

/// Runs a query against index files the way the browser client (`layouts/search.js`) does,
/// fetching only the files the query needs. Tests and the benchmark use it to check recall
/// and to count the bytes a query fetches.
public final class SearchEngine {
    /// A result line.
    public struct Hit: Hashable, Sendable {
        /// Title.
        public var title: String
        /// Link relative to the site root.
        public var path: String
        /// Kind (`record`, ...).
        public var kind: String
        /// Date, `YYYY-MM-DD`.
        public var date: String
        /// Regions.
        public var region: String
        /// Snippet.
        public var snippet: String
    }

    /// What a query found.
    public struct Result: Sendable {
        /// Every matching document number, ranked.
        public var ids: [Int]
        /// The hits of the requested page.
        public var hits: [Hit]
    }

    /// Filters, each optional.
    public struct Filters: Hashable, Sendable {
        /// `case`, `report`, `record`, `list` or `commitment`.
        public var kind: String?
        /// Province name.
        public var region: String?
        /// Year.
        public var year: String?
        /// `red`, `black` or `watch`.
        public var list: String?

        /// Filters.
        public init(kind: String? = nil, region: String? = nil, year: String? = nil, list: String? = nil) {
            self.kind = kind
            self.region = region
            self.year = year
            self.list = list
        }

        var terms: [String] {
            [kind.map { "#k:\($0)" }, region.map { "#r:\($0)" }, year.map { "#y:\($0)" }, list.map { "#l:\($0)" }]
                .compactMap { $0 }
        }
    }

    private let load: (String) throws -> Data
    private var cache: [String: Any] = [:]
    /// Bytes of every file fetched so far.
    public private(set) var bytesFetched = 0
    /// Files fetched so far.
    public private(set) var filesFetched: [String] = []

    /// An engine over files loaded by `load` (a path relative to `search/`).
    public init(load: @escaping (String) throws -> Data) {
        self.load = load
    }

    private func file(_ path: String) throws -> Any {
        if let cached = cache[path] { return cached }
        let data: Data
        do { data = try load(path) } catch { data = Data("{}".utf8) }  // a missing shard holds no term
        bytesFetched += data.count
        filesFetched.append(path)
        let object = try JSONSerialization.jsonObject(with: data)
        cache[path] = object
        return object
    }

    private static func decode(_ gaps: [Int]) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(gaps.count)
        var current = 0
        for (index, gap) in gaps.enumerated() {
            current = index == 0 ? gap : current + gap
            ids.append(current)
        }
        return ids
    }

    /// All and title postings of one query term (prefix words union every matching word).
    private func postings(_ term: SearchTokenizer.QueryTerm, shards: Int) throws -> (all: Set<Int>, title: Set<Int>) {
        guard let shard = try file(SearchShards.file(for: term, shardCount: shards)) as? [String: [[Int]]] else {
            return ([], [])
        }
        var all = Set<Int>()
        var title = Set<Int>()
        switch term {
        case .word(let word, prefix: true):
            for (key, lists) in shard where key.hasPrefix(word) {
                all.formUnion(Self.decode(lists[0]))
                title.formUnion(Self.decode(lists[1]))
            }
        default:
            if let lists = shard[term.text] {
                all = Set(Self.decode(lists[0]))
                title = Set(Self.decode(lists[1]))
            }
        }
        return (all, title)
    }

    /// Runs a query: every term must match; title matches rank first, then the newest.
    public func search(_ query: String, filters: Filters = Filters(), page: Int = 0, pageSize: Int = 10) throws -> Result {
        guard let manifest = try file("manifest.json") as? [String: Any], let shards = manifest["hanShards"] as? Int,
              let chunk = manifest["chunk"] as? Int else { return Result(ids: [], hits: []) }
        let terms = SearchTokenizer.queryTerms(query)
        guard !terms.isEmpty || !filters.terms.isEmpty else { return Result(ids: [], hits: []) }
        var candidates: Set<Int>?
        var titleHits: Set<Int>?
        for term in terms {
            let (all, title) = try postings(term, shards: shards)
            candidates = candidates.map { $0.intersection(all) } ?? all
            titleHits = titleHits.map { $0.intersection(title) } ?? title
            if candidates!.isEmpty { return Result(ids: [], hits: []) }
        }
        for filter in filters.terms {
            let (all, _) = try postings(.han(filter), shards: shards)
            candidates = candidates.map { $0.intersection(all) } ?? all
        }
        let titles = titleHits ?? []
        let ranked = (candidates ?? []).sorted { (titles.contains($0) ? 0 : 1, $0) < (titles.contains($1) ? 0 : 1, $1) }
        let shown = ranked.dropFirst(page * pageSize).prefix(pageSize)
        var hits: [Hit] = []
        for id in shown {
            guard let documents = try file("d/\(id / chunk).json") as? [[Any]] else { continue }
            let row = documents[id % chunk]
            hits.append(Hit(title: row[0] as? String ?? "", path: row[1] as? String ?? "", kind: row[2] as? String ?? "",
                            date: row[3] as? String ?? "", region: row[4] as? String ?? "", snippet: row[5] as? String ?? ""))
        }
        return Result(ids: ranked, hits: hits)
    }
}
