/// Finds many fixed phrases in text (names of people and organisations, USCCs), leftmost
/// and longest first, without scanning every phrase at every position: candidates are
/// bucketed by their first two Unicode scalars.
struct PhraseMatcher: Sendable {
    private var buckets: [UInt64: [[Unicode.Scalar]]] = [:]
    private var single: Set<Unicode.Scalar> = []

    /// A matcher for `phrases` (empty phrases are ignored).
    init(_ phrases: some Sequence<String>) {
        for phrase in Set(phrases) {
            let scalars = Array(phrase.unicodeScalars)
            if scalars.count == 1 {
                single.insert(scalars[0])
            } else if scalars.count > 1 {
                buckets[Self.key(scalars[0], scalars[1]), default: []].append(scalars)
            }
        }
        for key in buckets.keys {
            buckets[key]!.sort { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1, by: { $0.value < $1.value }) }
        }
    }

    private static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b.value)
    }

    /// Whether the matcher has no phrase.
    var isEmpty: Bool { buckets.isEmpty && single.isEmpty }

    /// Non-overlapping matches, leftmost first, longest at each position.
    func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        guard !isEmpty else { return [] }
        var result: [Range<Int>] = []
        var index = 0
        while index < text.count {
            var matched = 0
            if index + 1 < text.count, let candidates = buckets[Self.key(text[index], text[index + 1])] {
                for candidate in candidates where candidate.count <= text.count - index {
                    if text[index..<(index + candidate.count)].elementsEqual(candidate) {
                        matched = candidate.count
                        break
                    }
                }
            }
            if matched == 0, single.contains(text[index]) { matched = 1 }
            if matched > 0 {
                result.append(index..<(index + matched))
                index += matched
            } else {
                index += 1
            }
        }
        return result
    }
}
