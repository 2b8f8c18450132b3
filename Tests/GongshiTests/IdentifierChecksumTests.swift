import CreditVocabulary
import Testing

@Suite("Identifier checksums")
struct IdentifierChecksumTests {
    @Test("GB 11643 ID numbers")
    func idNumbers() {
        #expect(IdentifierChecksum.isValidIDNumber("11010519491231002X"))  // the standard's own example
        #expect(IdentifierChecksum.isValidIDNumber("11010519491231002x"))
        #expect(!IdentifierChecksum.isValidIDNumber("110105194912310021"))
        #expect(!IdentifierChecksum.isValidIDNumber("11010519491231002"))
        #expect(IdentifierChecksum.hasPlausibleBirthDate("11010519491231002X"))
        #expect(!IdentifierChecksum.hasPlausibleBirthDate("110105194913310021"))
        #expect(IdentifierChecksum.hasPlausibleBirthDate("110105491231002"))  // 15-digit: 1949-12-31
    }

    @Test("GB 32100 USCCs")
    func usccs() {
        #expect(IdentifierChecksum.isValidUSCC("91350100M000100Y43"))  // the standard's example
        #expect(!IdentifierChecksum.isValidUSCC("91350100M000100Y44"))
        #expect(!IdentifierChecksum.isValidUSCC("91350100M000100I43"))  // I is not in the alphabet
        #expect(IdentifierChecksum.hasUSCCShape("91350100M000100Y43"))
    }

    /// The first, character-wise implementation, kept as the reference the byte-wise one
    /// must agree with.
    private enum CharacterWise {
        static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        static let idCheckCharacters: [Character] = Array("10X98765432")
        static let usccAlphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        static let usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

        static func idNumberCheckCharacter(_ first17: some StringProtocol) -> Character? {
            let digits = first17.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
            guard digits.count == 17, first17.count == 17 else { return nil }
            return idCheckCharacters[zip(digits, idWeights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
        }
        static func isValidIDNumber(_ text: some StringProtocol) -> Bool {
            guard text.count == 18, let last = text.last,
                  let expected = idNumberCheckCharacter(text.prefix(17)) else { return false }
            return Character(last.uppercased()) == expected
        }
        static func hasUSCCShape(_ text: some StringProtocol) -> Bool {
            text.count == 18 && text.allSatisfy { usccAlphabet.contains($0) }
        }
        static func isValidUSCC(_ text: some StringProtocol) -> Bool {
            guard hasUSCCShape(text) else { return false }
            let values = text.map { usccAlphabet.firstIndex(of: $0)! }
            let sum = zip(values.prefix(17), usccWeights).reduce(0) { $0 + $1.0 * $1.1 }
            return values[17] == (31 - sum % 31) % 31
        }
    }

    @Test("The byte-wise checks agree with the character-wise reference, non-ASCII included")
    func byteWiseAgreesWithCharacterWise() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [String] = Array("0123456789XxABCDEFGHJKLMNPQRTUWXYIOSVZ ").map(String.init)
            + ["１", "Ｘ", "\u{301}", "中", "\r\n", "e\u{301}", "٣", "🀄"]
        var samples = ["11010519491231002X", "11010519491231002x", "91350100M000100Y43", "", "X"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 15...19, using: &generator) {
                text += Bool.random(using: &generator) && Int.random(in: 0..<8, using: &generator) == 0
                    ? pieces.randomElement(using: &generator)! : pieces[Int.random(in: 0..<12, using: &generator)]
            }
            samples.append(text)
        }
        // Valid ones, so that both answers are exercised, and each spoiled by one character.
        for index in 0..<2_000 {
            let number = String((index &* 7_919_993_111) % 100_000_000_000_000_000)
            let body = String(repeating: "0", count: 17 - number.count) + number
            let id = body + String(CharacterWise.idNumberCheckCharacter(body)!)
            samples += [id, id.lowercased(), body + "\u{301}" + "X", "１" + id.dropFirst()]
        }
        var valid = (id: 0, uscc: 0)
        for text in samples {
            #expect(IdentifierChecksum.isValidIDNumber(text) == CharacterWise.isValidIDNumber(text), "\(text.debugDescription)")
            #expect(IdentifierChecksum.isValidUSCC(text) == CharacterWise.isValidUSCC(text), "\(text.debugDescription)")
            #expect(IdentifierChecksum.hasUSCCShape(text) == CharacterWise.hasUSCCShape(text), "\(text.debugDescription)")
            let first17 = text.prefix(17)
            #expect(IdentifierChecksum.idNumberCheckCharacter(first17) == CharacterWise.idNumberCheckCharacter(first17))
            if CharacterWise.isValidIDNumber(text) { valid.id += 1 }
            if CharacterWise.isValidUSCC(text) { valid.uscc += 1 }
        }
        #expect(valid.id >= 4_000)
        #expect(valid.uscc > 0)
    }

    @Test("Luhn")
    func luhn() {
        #expect(IdentifierChecksum.passesLuhn("4111111111111111"))
        #expect(!IdentifierChecksum.passesLuhn("4111111111111112"))
        #expect(!IdentifierChecksum.passesLuhn(""))
    }
}
