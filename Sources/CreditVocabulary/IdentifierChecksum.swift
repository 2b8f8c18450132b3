/// Checksums of the identifiers that appear in credit data.
///
/// Pure functions over ASCII text; every function returns false for text of the wrong
/// length or alphabet instead of failing.
public enum IdentifierChecksum {
    private static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let idCheckCharacters: [Character] = Array("10X98765432")

    /// The GB 11643 check character for the first 17 digits of an ID number, or nil when
    /// `first17` is not 17 ASCII digits.
    public static func idNumberCheckCharacter(_ first17: some StringProtocol) -> Character? {
        let digits = first17.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 17, first17.count == 17 else { return nil }
        let sum = zip(digits, idWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return idCheckCharacters[sum % 11]
    }

    /// Whether `text` is an 18-character 居民身份证号 whose GB 11643 checksum verifies
    /// (the last character may be `X` or `x`).
    public static func isValidIDNumber(_ text: some StringProtocol) -> Bool {
        guard text.count == 18, let last = text.last,
              let expected = idNumberCheckCharacter(text.prefix(17)) else { return false }
        return Character(last.uppercased()) == expected
    }

    /// Whether the birth date inside an ID number (positions 7-14 of 18, or 7-12 of a
    /// 15-digit old number, read as 19YYMMDD) is a real date between 1900 and 2099.
    public static func hasPlausibleBirthDate(_ text: some StringProtocol) -> Bool {
        let chars = Array(text)
        let digits: String
        switch chars.count {
        case 18: digits = String(chars[6..<14])
        case 15: digits = "19" + String(chars[6..<12])
        default: return false
        }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.suffix(2)), (1900...2099).contains(year) else { return false }
        return CivilDate(year: year, month: month, day: day) != nil
    }

    private static let usccAlphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Whether `text` is 18 characters of the USCC alphabet (`0-9A-HJ-NP-RTUWXY`).
    public static func hasUSCCShape(_ text: some StringProtocol) -> Bool {
        text.count == 18 && text.allSatisfy { usccAlphabet.contains($0) }
    }

    /// Whether `text` is a 统一社会信用代码 whose GB 32100 checksum verifies.
    public static func isValidUSCC(_ text: some StringProtocol) -> Bool {
        guard hasUSCCShape(text) else { return false }
        let values = text.map { usccAlphabet.firstIndex(of: $0)! }
        let sum = zip(values.prefix(17), usccWeights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        return values[17] == check
    }

    /// Whether a string of ASCII digits passes the Luhn check (bank card numbers).
    public static func passesLuhn(_ digits: some StringProtocol) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard character.isASCII, var value = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}
