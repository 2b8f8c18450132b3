import DemoSnapshot
@testable import Redaction
import Testing

/// The trie of names against the definition it implements: at each position, from the left,
/// the longest phrase that starts there; the text after it is searched next.
struct PhraseMatcherTests {
    /// The definition, phrase by phrase.
    static func naiveMatches(_ phrases: [String], in text: [Unicode.Scalar]) -> [Range<Int>] {
        let phrases = phrases.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        var result: [Range<Int>] = []
        var index = 0
        while index < text.count {
            let longest = phrases.filter { $0.count <= text.count - index && Array(text[index..<(index + $0.count)]) == $0 }
                .map(\.count).max() ?? 0
            if longest > 0 {
                result.append(index..<(index + longest))
                index += longest
            } else {
                index += 1
            }
        }
        return result
    }

    @Test("leftmost, then longest; nested, repeated, empty and supplementary-plane phrases")
    func cases() {
        let matcher = PhraseMatcher(["张伟", "张伟科技有限公司", "", "伟科", "张伟", "𠀋家", "李"])
        let text = Array("张伟科技有限公司与张伟科及𠀋家、李四".unicodeScalars)
        #expect(matcher.matches(in: text) == [0..<8, 9..<11, 13..<15, 16..<17])
        #expect(PhraseMatcher([String]()).matches(in: text).isEmpty)
        #expect(PhraseMatcher([""]).isEmpty)
        #expect(!matcher.isEmpty)
    }

    @Test("random phrase sets over a small alphabet match as the definition says", arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomPhrases(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        // A small alphabet makes shared prefixes and overlaps common; a large set gives the
        // root enough children for its direct table.
        let alphabet = Array("张王李赵伟明华科技公司有限a1𠀋") + (seed % 2 == 0 ? (0..<120).map { Character(Unicode.Scalar(0x4E00 + $0)!) } : [])
        func word(_ length: Int) -> String { String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }) }
        let phrases = (0..<Int(20 + random.next() % 300)).map { _ in word(Int(random.next() % 6)) }
        let matcher = PhraseMatcher(phrases)
        for _ in 0..<40 {
            let text = Array(word(Int(random.next() % 60)).unicodeScalars)
            #expect(matcher.matches(in: text) == Self.naiveMatches(phrases, in: text))
        }
    }
}
