import DemoSnapshot
@testable import Redaction
import Testing

/// The trie of names against the definition it implements: at each position, from the left,
/// the longest phrase that starts there; the text after it is searched next.
struct PhraseMatcherTests {
    /// The definition, phrase by phrase: the longest phrase starting at `start`, then the
    /// matches after it; or, with none there, the matches from the next character.
    static func naiveMatches(_ phrases: [String], in text: [Unicode.Scalar], from start: Int = 0) -> [Range<Int>] {
        guard start < text.count else { return [] }
        let longest = phrases.map { Array($0.unicodeScalars) }
            .filter { !$0.isEmpty && text[start...].starts(with: $0) }
            .map(\.count).max()
        guard let longest else { return naiveMatches(phrases, in: text, from: start + 1) }
        return [start..<(start + longest)] + naiveMatches(phrases, in: text, from: start + longest)
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
