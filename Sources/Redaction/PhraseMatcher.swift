/// Finds many fixed phrases in text (names of people and organisations, USCCs), leftmost
/// and longest first. A trie stored as one hash table of transitions: matching costs one
/// lookup per character, however many phrases share a prefix (thousands of company names
/// start with the same city).
struct PhraseMatcher: Sendable {
    /// (node << 32 | scalar) → child node.
    private var transitions: [UInt64: Int32] = [:]
    /// Whether a phrase ends at each node.
    private var terminal: [Bool] = [false]

    /// A matcher for `phrases` (empty phrases are ignored).
    init(_ phrases: some Sequence<String>) {
        for phrase in phrases {
            var node: Int32 = 0
            for scalar in phrase.unicodeScalars {
                let key = UInt64(node) << 32 | UInt64(scalar.value)
                if let next = transitions[key] {
                    node = next
                } else {
                    let next = Int32(terminal.count)
                    terminal.append(false)
                    transitions[key] = next
                    node = next
                }
            }
            if node != 0 { terminal[Int(node)] = true }
        }
    }

    /// Whether the matcher has no phrase.
    var isEmpty: Bool { transitions.isEmpty }

    /// Non-overlapping matches, leftmost first, longest at each position.
    func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        guard !isEmpty else { return [] }
        var result: [Range<Int>] = []
        var index = 0
        while index < text.count {
            var node: Int32 = 0
            var longest = 0
            var cursor = index
            while cursor < text.count, let next = transitions[UInt64(node) << 32 | UInt64(text[cursor].value)] {
                node = next
                cursor += 1
                if terminal[Int(node)] { longest = cursor - index }
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
