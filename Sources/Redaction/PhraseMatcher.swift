/// Finds many fixed phrases in text (names of people and organisations, USCCs), leftmost
/// and longest first.
///
/// A trie in two flat arrays, its nodes numbered level by level so that the children of a
/// node are consecutive and sorted by character: a step is a binary search among them (a
/// direct table for the root's, which can be thousands). A national snapshot's names make
/// millions of nodes; as a hash table of transitions they took about 120 MB, here about a
/// third of that.
struct PhraseMatcher: Sendable {
    /// The character leading into each node (the root's is unused).
    private var labels: [UInt32] = [0]
    /// The first child of each node; the children of node `n` are
    /// `firstChild[n] ..< firstChild[n + 1]` (one entry more than there are nodes).
    private var firstChild: [Int32] = [1, 1]
    /// Whether a phrase ends at each node.
    private var terminal: [Bool] = [false]
    /// The root's child for each character of the Basic Multilingual Plane, or -1; empty
    /// when the root has few children (a table is 256 KB).
    private var rootChildren: [Int32] = []

    /// A matcher for `phrases` (empty phrases are ignored).
    init(_ phrases: some Sequence<String>) {
        // Every phrase's characters in one buffer, then the phrases sorted by character.
        var scalars: [UInt32] = []
        var starts: [Int32] = [0]
        for phrase in phrases {
            for scalar in phrase.unicodeScalars { scalars.append(scalar.value) }
            if Int(starts[starts.count - 1]) < scalars.count { starts.append(Int32(scalars.count)) }
        }
        let count = starts.count - 1
        guard count > 0 else { return }
        var order = (0..<Int32(count)).map { $0 }
        scalars.withUnsafeBufferPointer { text in
            starts.withUnsafeBufferPointer { starts in
                order.sort { left, right in
                    var a = Int(starts[Int(left)]), b = Int(starts[Int(right)])
                    let aEnd = Int(starts[Int(left) + 1]), bEnd = Int(starts[Int(right) + 1])
                    while a < aEnd && b < bEnd {
                        if text[a] != text[b] { return text[a] < text[b] }
                        a += 1
                        b += 1
                    }
                    return aEnd - a < bEnd - b
                }
            }
        }
        // Level by level: each node is a run of `order` sharing its first `depth` characters,
        // the phrases that end there first (sorted shorter first).
        labels = [0]
        firstChild = []
        terminal = [false]
        var level: [(lo: Int32, hi: Int32)] = [(0, Int32(count))]
        var depth: Int32 = 0
        while !level.isEmpty {
            var next: [(lo: Int32, hi: Int32)] = []
            for (lo, hi) in level {
                firstChild.append(Int32(labels.count))
                var index = Int(lo)
                while index < Int(hi), starts[Int(order[index]) + 1] - starts[Int(order[index])] == depth { index += 1 }
                while index < Int(hi) {
                    let scalar = scalars[Int(starts[Int(order[index])] + depth)]
                    var end = index + 1
                    while end < Int(hi), scalars[Int(starts[Int(order[end])] + depth)] == scalar { end += 1 }
                    labels.append(scalar)
                    terminal.append(starts[Int(order[index]) + 1] - starts[Int(order[index])] == depth + 1)
                    next.append((Int32(index), Int32(end)))
                    index = end
                }
            }
            level = next
            depth += 1
        }
        firstChild.append(Int32(labels.count))
        guard firstChild[1] - firstChild[0] > 64 else { return }
        rootChildren = [Int32](repeating: -1, count: 0x10000)
        for child in Int(firstChild[0])..<Int(firstChild[1]) where labels[child] < 0x10000 {
            rootChildren[Int(labels[child])] = Int32(child)
        }
    }

    /// Whether the matcher has no phrase.
    var isEmpty: Bool { labels.count == 1 }

    /// The child of `node` along `scalar`, if there is one.
    @inline(__always)
    private func child(_ node: Int, _ scalar: UInt32) -> Int? {
        if node == 0 && scalar < 0x10000 && !rootChildren.isEmpty {
            let child = rootChildren[Int(scalar)]
            return child < 0 ? nil : Int(child)
        }
        var lo = Int(firstChild[node]), hi = Int(firstChild[node + 1])
        while lo < hi {
            let middle = (lo + hi) / 2
            let label = labels[middle]
            if label == scalar { return middle }
            if label < scalar { lo = middle + 1 } else { hi = middle }
        }
        return nil
    }

    /// Non-overlapping matches, leftmost first, longest at each position.
    func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        guard !isEmpty else { return [] }
        var result: [Range<Int>] = []
        var index = 0
        while index < text.count {
            var node = 0
            var longest = 0
            var cursor = index
            while cursor < text.count, let next = child(node, text[cursor].value) {
                node = next
                cursor += 1
                if terminal[node] { longest = cursor - index }
            }
            if longest > 0 {
                result.append(index..<(index + longest))
                index += longest
            } else {
                index += 1
            }
        }
        return result
    }
}
