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

    @Test("Luhn")
    func luhn() {
        #expect(IdentifierChecksum.passesLuhn("4111111111111111"))
        #expect(!IdentifierChecksum.passesLuhn("4111111111111112"))
        #expect(!IdentifierChecksum.passesLuhn(""))
    }
}
