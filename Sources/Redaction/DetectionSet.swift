/// The detections a text's replacements are made from: the first offered wins each source
/// character (so earlier detectors win), and a span that overlaps one already taken is
/// refused. Linear: each offer costs the length of its span.
struct DetectionSet {
    private let base: Int
    private var taken: [Bool]
    private var accepted: [Detection] = []

    /// A set for detections inside `range` of the source.
    init(covering range: Range<Int>) {
        base = range.lowerBound
        taken = [Bool](repeating: false, count: range.count)
    }

    /// Takes `detection` unless its span is empty or overlaps one taken before.
    mutating func offer(_ detection: Detection) {
        let lower = detection.range.lowerBound - base, upper = detection.range.upperBound - base
        guard lower >= 0, upper <= taken.count, lower < upper else { return }
        for index in lower..<upper where taken[index] { return }
        for index in lower..<upper { taken[index] = true }
        accepted.append(detection)
    }

    /// The detections taken, in source order.
    func chosen() -> [Detection] {
        accepted.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// Spans of text that are public as written (organisation names, USCCs): a detection lying
/// wholly inside one is not replaced. A person's name that only overlaps one
/// (许雨桐物业… where 雨桐物业 is a company) is still masked.
struct ProtectedSpans {
    private var spans: [Range<Int>] = []
    /// The largest upper bound among the spans up to each one, in order of lower bounds.
    private var reach: [Int] = []

    /// Adds a span (call ``prepare()`` after the last).
    mutating func add(_ span: Range<Int>) {
        spans.append(span)
    }

    /// Sorts the spans for ``contains(_:)``.
    mutating func prepare() {
        spans.sort { $0.lowerBound < $1.lowerBound }
        reach = []
        reach.reserveCapacity(spans.count)
        var furthest = Int.min
        for span in spans {
            furthest = max(furthest, span.upperBound)
            reach.append(furthest)
        }
    }

    /// Whether `range` lies inside one span.
    func contains(_ range: Range<Int>) -> Bool {
        var lo = 0, hi = spans.count
        while lo < hi {
            let middle = (lo + hi) / 2
            if spans[middle].lowerBound <= range.lowerBound { lo = middle + 1 } else { hi = middle }
        }
        return lo > 0 && reach[lo - 1] >= range.upperBound
    }
}
