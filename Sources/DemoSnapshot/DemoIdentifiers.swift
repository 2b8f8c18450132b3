import CreditVocabulary

/// Invented identifiers with valid checksums, so the demo exercises the real detectors.
enum DemoIdentifiers {
    private static let usccAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// A USCC from its first 17 characters.
    static func uscc(_ first17: String) -> String {
        let values = first17.map { usccAlphabet.firstIndex(of: $0)! }
        let sum = zip(values, usccWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return first17 + String(usccAlphabet[(31 - sum % 31) % 31])
    }

    /// An ID number from its first 17 digits.
    static func idNumber(_ first17: String) -> String {
        first17 + String(IdentifierChecksum.idNumberCheckCharacter(first17)!)
    }

    /// A Luhn-valid card number from all digits but the last.
    static func card(_ prefix: String) -> String {
        for last in 0...9 where IdentifierChecksum.passesLuhn(prefix + String(last)) {
            return prefix + String(last)
        }
        fatalError("unreachable: one check digit always passes")
    }
}
