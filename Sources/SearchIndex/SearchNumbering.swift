/// The search index's document numbers, kept from build to build so that the index does not
/// churn: a document keeps its number while it is shown with the same date, and one that
/// goes leaves a hole. Numbers ascend with the documents' dates (the client ranks the newest,
/// the highest, first), with room between them: a new document takes a free number between
/// its neighbours by date; where there is none, a small window of neighbours is spread out
/// again (list labelling), and only their numbers change. New documents dated after every
/// other (the common case) go at the top, two apart.
///
/// The numbering is history: the same documents can be numbered differently by two sites
/// with different pasts. What the index files hold for a numbering is still a function of
/// it and the documents. When the numbers have spread to more than four times the documents,
/// every document is numbered again, two apart (a compaction).
public struct SearchNumbering: Sendable, Equatable {
    /// One numbered document.
    public struct Entry: Sendable, Equatable {
        /// Its link (a document's identity).
        public var path: String
        /// Its date, as a day number (see ``CreditVocabulary/CivilDate/dayNumber``).
        public var day: Int32
        /// Its number.
        public var number: Int32

        /// An entry.
        public init(path: String, day: Int32, number: Int32) {
            self.path = path
            self.day = day
            self.number = number
        }
    }

    /// Every numbered document, by ascending number.
    public private(set) var entries: [Entry]
    /// The index's number of hashed shards (0 before the first index): kept while the
    /// shards' size stays within a factor of the aim, so that a term's shard does not move
    /// (and every shard change) whenever the index grows or shrinks past a power of two.
    public var shardCount: Int
    /// The block size (log2 of the numbers a block covers) of each list split into blocks,
    /// by term and list (`TERM` NUL `LIST`): kept while its blocks stay within a factor of
    /// the aimed-at size, so that a list's blocks are not all made again whenever its length
    /// passes a power of two.
    public var blockShifts: [String: Int]

    /// A numbering of these entries (sorted by number here).
    public init(entries: [Entry] = [], shardCount: Int = 0, blockShifts: [String: Int] = [:]) {
        self.entries = entries.sorted { $0.number < $1.number }
        self.shardCount = shardCount
        self.blockShifts = blockShifts
    }

    /// Space left between numbers given at the top and when spreading a whole window out.
    static let spacing: Int64 = 2

    /// What ``assign(_:)`` did.
    public struct Assignment: Sendable {
        /// Each document's number, in the order given.
        public var numbers: [Int32]
        /// The numbering to keep for the next build.
        public var next: SearchNumbering
        /// Documents that kept their number.
        public var kept: Int
        /// Documents that were shown before and were given another number (a window spread
        /// out, or a compaction).
        public var moved: Int
        /// Whether every document was numbered again.
        public var compacted: Bool
    }

    /// Numbers for `documents` (each a link and a date's day number; a link given twice is
    /// numbered twice).
    public func assign(_ documents: [(path: String, day: Int32)]) -> Assignment {
        // Each entry is claimed once: a link given twice is numbered anew the second time.
        var previous = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        // Documents shown before with the same date keep their place; a numbering read from a
        // damaged file could put dates out of order, and a document out of order starts again.
        var kept: [(number: Int32, document: Int)] = []
        var fresh: [Int] = []
        for (index, document) in documents.enumerated() {
            if let entry = previous.removeValue(forKey: document.path), entry.day == document.day {
                kept.append((entry.number, index))
            } else {
                fresh.append(index)
            }
        }
        previous = [:]
        kept.sort { $0.number < $1.number }
        var latest = Int32.min
        kept.removeAll { item in
            let day = documents[item.document].day
            if day < latest { fresh.append(item.document); return true }
            latest = day
            return false
        }
        fresh.sort { (documents[$0].day, documents[$0].path) < (documents[$1].day, documents[$1].path) }

        // One sequence by date: a new document goes after the kept ones of its day.
        var sequence: [Int] = []
        var labels: [Int64?] = []
        sequence.reserveCapacity(documents.count)
        labels.reserveCapacity(documents.count)
        var next = 0
        for item in kept {
            while next < fresh.count && documents[fresh[next]].day < documents[item.document].day {
                sequence.append(fresh[next]); labels.append(nil); next += 1
            }
            sequence.append(item.document); labels.append(Int64(item.number))
        }
        for document in fresh[next...] { sequence.append(document); labels.append(nil) }

        let before = labels
        var start = 0
        while start < labels.count {
            guard labels[start] == nil else { start += 1; continue }
            var end = start
            while end < labels.count && labels[end] == nil { end += 1 }
            Self.place(start..<end, in: &labels)
            start = end
        }
        var compacted = false
        let highest = labels.last.flatMap { $0 } ?? 0
        if highest > 4 * Int64(labels.count) + 64 || highest >= Int64(Int32.max) / 2 {
            compacted = true
            for index in labels.indices { labels[index] = Self.spacing * Int64(index + 1) - 1 }
        }
        var moved = 0
        for (old, new) in zip(before, labels) where old != nil && old != new { moved += 1 }
        var numbers = [Int32](repeating: 0, count: documents.count)
        var nextEntries: [Entry] = []
        nextEntries.reserveCapacity(documents.count)
        for (document, label) in zip(sequence, labels) {
            let number = Int32(label!)
            numbers[document] = number
            nextEntries.append(Entry(path: documents[document].path, day: documents[document].day, number: number))
        }
        var numbering = SearchNumbering(shardCount: shardCount, blockShifts: blockShifts)
        numbering.entries = nextEntries
        return Assignment(numbers: numbers, next: numbering, kept: kept.count - moved, moved: moved, compacted: compacted)
    }

    /// Gives numbers to the run `run` of unnumbered documents: between its neighbours if they
    /// leave room, or else spreading out a window around it, doubled until its neighbours
    /// leave room for twice its documents.
    static func place(_ run: Range<Int>, in labels: inout [Int64?]) {
        var window = run
        var reach = max(run.count, 1)
        while true {
            let below = window.lowerBound > 0 ? labels[window.lowerBound - 1]! : -1
            let count = Int64(window.count)
            if window.upperBound == labels.count {
                // Nothing above: two apart from the neighbour below, unless the run alone
                // fits between numbers already there.
                for (offset, index) in window.enumerated() { labels[index] = below + spacing * Int64(offset + 1) }
                return
            }
            let above = labels[window.upperBound]!
            let room = above - below - 1
            if room >= (window == run ? count : spacing * count) {
                for (offset, index) in window.enumerated() {
                    labels[index] = below + Int64(offset + 1) * (above - below) / (count + 1)
                }
                return
            }
            reach *= 2
            // Documents below are numbered (runs are placed in order); a run above that the
            // window reaches is spread out with it.
            var upper = min(labels.count, run.upperBound + reach)
            while upper < labels.count && labels[upper] == nil { upper += 1 }
            window = max(0, run.lowerBound - reach)..<upper
        }
    }
}
