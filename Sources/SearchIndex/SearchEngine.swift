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
        /// The matching document numbers found, ranked: every one when ``complete``, else at
        /// least one more than the requested page reaches.
        public var ids: [Int]
        /// The hits of the requested page.
        public var hits: [Hit]
        /// Whether ``ids`` holds every match.
        public var complete: Bool
        /// The number of matches, when it is known without reading the whole index (every
        /// match found, or a query of one list); otherwise there are more than ``ids``.
        public var total: Int?
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

    /// The cursors of one query term's lists: all text, titles, subjects' names (a prefix
    /// word's are the unions of the word's and its prefix term's).
    private func cursors(_ term: SearchTokenizer.QueryTerm, shards: Int) throws -> [PostingCursor] {
        func lists(_ text: String) throws -> [PostingCursor] {
            let shard = try file(SearchShards.hanShard(text, shardCount: shards)) as? [String: Any] ?? [:]
            let values = shard[text] as? [Any] ?? []
            return (0..<3).map { PostingCursor(values.indices.contains($0) ? values[$0] : nil, list: $0) }
        }
        let exact = try lists(term.text)
        guard case .word(let word, prefix: true) = term, word.utf8.count <= SearchShards.longestPrefix else { return exact }
        let longer = try lists("^" + word)
        return (0..<3).map { PostingCursor(union: [exact[$0], longer[$0]]) }
    }

    /// The numbers in all of `lists` and not in `excluded`, highest first, reading blocks
    /// newest first until `need` are found or the lists are read whole (then `complete`).
    private func sweep(_ lists: [PostingCursor], need: Int, excluding excluded: Set<Int>) throws -> (found: [Int], complete: Bool) {
        guard !lists.isEmpty else { return ([], true) }
        while true {
            // Every match at or above `floor` is known: each list is read that far.
            let floor = lists.map(\.low).max()!
            let driver = lists.min { $0.known.count < $1.known.count }!
            let found = driver.known.filter { number in
                number >= floor && !excluded.contains(number) && lists.allSatisfy { $0.known.contains(number) }
            }.sorted(by: >)
            if floor == 0 || found.count >= need { return (found, floor == 0) }
            try lists.max { $0.low < $1.low }!.readNext(file)
        }
    }

    /// Runs a query: every term must match; subjects whose name or USCC matches rank first,
    /// then title matches, then the rest, each newest (highest number) first. Blocks are read
    /// only until the requested page and one more match are known; `everything` reads on to
    /// the last match.
    public func search(
        _ query: String, filters: Filters = Filters(), page: Int = 0, pageSize: Int = 10, everything: Bool = false
    ) throws -> Result {
        let none = Result(ids: [], hits: [], complete: true, total: 0)
        guard let manifest = try file("manifest.json") as? [String: Any], let shards = manifest["hanShards"] as? Int,
              let chunk = manifest["chunk"] as? Int else { return none }
        let terms = SearchTokenizer.queryTerms(query)
        guard !terms.isEmpty || !filters.terms.isEmpty else { return none }
        let termLists = try terms.map { try cursors($0, shards: shards) }
        let filterLists = try filters.terms.map { try cursors(.han($0), shards: shards)[0] }
        let need = everything ? Int.max : (page + 1) * pageSize + 1
        // The tiers, each read only when the ones above it have fewer matches than needed.
        let tiers: [[PostingCursor]] = terms.isEmpty
            ? [filterLists]
            : [termLists.map { $0[2] } + filterLists, termLists.map { $0[1] } + filterLists, termLists.map { $0[0] } + filterLists]
        var ranked: [Int] = []
        var seen = Set<Int>()
        // Complete once the last tier is read whole.
        var complete = true
        for (index, lists) in tiers.enumerated() {
            let (found, whole) = try sweep(lists, need: need - ranked.count, excluding: seen)
            ranked += found
            seen.formUnion(found)
            complete = whole && index == tiers.count - 1
            if ranked.count >= need { break }
        }
        var total: Int? = complete ? ranked.count : nil
        if !complete, termLists.count + filterLists.count == 1, let list = termLists.first?[0] ?? filterLists.first, list.countIsExact {
            total = list.count
        }
        var hits: [Hit] = []
        for id in ranked.dropFirst(page * pageSize).prefix(everything ? Int.max : pageSize) {
            guard let documents = try file("d/\(id / chunk).json") as? [Any], id % chunk < documents.count,
                  let row = documents[id % chunk] as? [Any] else { continue }
            hits.append(Hit(title: row[0] as? String ?? "", path: row[1] as? String ?? "", kind: row[2] as? String ?? "",
                            date: row[3] as? String ?? "", region: row[4] as? String ?? "", snippet: row[5] as? String ?? ""))
        }
        return Result(ids: ranked, hits: hits, complete: complete, total: total)
    }
}
