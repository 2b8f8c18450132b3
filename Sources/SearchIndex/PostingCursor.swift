import Foundation

/// One posting list of a query term as the client reads it (`layouts/search.js` mirrors
/// this): inline in its shard, or in blocks of numbers read newest first, the newest block
/// in the shard and the older ones in `x/` files, fetched only when a query needs them. A
/// prefix word's cursor is the union of the word's and its prefix term's (`^WORD`).
final class PostingCursor {
    /// Every number of the list read so far.
    private(set) var known: Set<Int>
    /// Every number of the list at or above this is known; 0 once the whole list is.
    private(set) var low: Int
    /// Postings in the list (for a union, the sum of its words', which can count a document twice).
    let count: Int
    /// Whether ``count`` is the list's exact length (not a union's).
    var countIsExact: Bool { members.isEmpty }
    /// For a blocked list: its block numbers still to read, newest first, the numbers each
    /// block covers, and its files' name.
    private var blocks: [Int] = []
    private var range = 0
    private var file = ""
    private var list = 0
    /// For a union: its members.
    private var members: [PostingCursor] = []

    /// A list read whole: `[gaps]` from a shard.
    init(gaps: [Int]) {
        known = Set(Self.decode(gaps))
        low = 0
        count = known.count
    }

    /// A list as its shard holds it, list `list` of the term: `[gaps]`, or a blocked list
    /// `{"c": count, "r": numbers per block, "f": file name, "k": [blocks, newest first],
    /// "h": [gaps of the newest block]}`.
    convenience init(_ value: Any?, list: Int) {
        guard let blocked = value as? [String: Any], let range = blocked["r"] as? Int, range > 0,
              let blocks = blocked["k"] as? [Int], let newest = blocks.first
        else {
            self.init(gaps: value as? [Int] ?? [])
            return
        }
        self.init(known: Set(Self.decode(blocked["h"] as? [Int] ?? [])), low: newest * range, count: blocked["c"] as? Int ?? 0)
        self.blocks = Array(blocks.dropFirst())
        self.range = range
        self.file = blocked["f"] as? String ?? ""
        self.list = list
        if self.blocks.isEmpty { low = 0 }
    }

    /// The union of `members` (a prefix word's lists).
    convenience init(union members: [PostingCursor]) {
        self.init(known: members.reduce(into: Set<Int>()) { $0.formUnion($1.known) }, low: members.map(\.low).max() ?? 0,
                  count: members.reduce(0) { $0 + $1.count })
        self.members = members
    }

    private init(known: Set<Int>, low: Int, count: Int) {
        self.known = known
        self.low = low
        self.count = count
    }

    /// The `x/` file of a block.
    static func blockFile(_ file: String, list: Int, block: Int) -> String { "x/\(file)-\(list)-\(block).json" }

    /// Reads the next block (of the member that knows least, for a union), lowering ``low``.
    func readNext(_ load: (String) throws -> Any) throws {
        if !members.isEmpty {
            guard let member = members.max(by: { $0.low < $1.low }), member.low > 0 else { return }
            try member.readNext(load)
            known.formUnion(member.known)
            low = members.map(\.low).max() ?? 0
            return
        }
        guard !blocks.isEmpty else { low = 0; return }
        let block = blocks.removeFirst()
        known.formUnion(Self.decode(try load(Self.blockFile(file, list: list, block: block)) as? [Int] ?? []))
        low = blocks.isEmpty ? 0 : block * range
    }

    /// Numbers from gaps (the first gap is the first number).
    static func decode(_ gaps: [Int]) -> [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(gaps.count)
        var current = 0
        for (index, gap) in gaps.enumerated() {
            current = index == 0 ? gap : current + gap
            numbers.append(current)
        }
        return numbers
    }
}
