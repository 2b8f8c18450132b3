/// Checksums of the identifiers that appear in credit data.
///
/// Pure functions over ASCII text; every function returns false for text of the wrong
/// length or alphabet instead of failing.
public enum IdentifierChecksum {
    private static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let idCheckCharacters: [UInt8] = Array("10X98765432".utf8)

    /// The values of the ASCII digits of `text`, or nil when it holds anything else or not
    /// `count` of them. (Byte-wise: any non-ASCII character has bytes above 0x7f.)
    private static func asciiDigits(_ utf8: some Sequence<UInt8>, count: Int) -> [Int]? {
        var digits: [Int] = []
        digits.reserveCapacity(count)
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits.count < count else { return nil }
            digits.append(Int(byte - UInt8(ascii: "0")))
        }
        return digits.count == count ? digits : nil
    }

    private static func checkByte(_ digits: some Sequence<Int>) -> UInt8 {
        idCheckCharacters[zip(digits, idWeights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    /// The GB 11643 check character for the first 17 digits of an ID number, or nil when
    /// `first17` is not 17 ASCII digits.
    public static func idNumberCheckCharacter(_ first17: some StringProtocol) -> Character? {
        guard let digits = asciiDigits(first17.utf8, count: 17) else { return nil }
        return Character(Unicode.Scalar(checkByte(digits)))
    }

    /// Whether `text` is an 18-character 居民身份证号 whose GB 11643 checksum verifies
    /// (the last character may be `X` or `x`).
    public static func isValidIDNumber(_ text: some StringProtocol) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == 18, let digits = asciiDigits(utf8.dropLast(), count: 17) else { return false }
        let last = utf8[17]
        let expected = checkByte(digits)
        return last == expected || (expected == UInt8(ascii: "X") && last == UInt8(ascii: "x"))
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

    /// The value of each byte of the USCC alphabet (`0-9A-HJ-NP-RTUWXY`), -1 for any other.
    private static let usccValues: [Int8] = {
        var values = [Int8](repeating: -1, count: 256)
        for (value, byte) in "0123456789ABCDEFGHJKLMNPQRTUWXY".utf8.enumerated() { values[Int(byte)] = Int8(value) }
        return values
    }()
    private static let usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The alphabet values of the 18 characters of `text`, or nil when it is anything else.
    private static func usccDigits(_ text: some StringProtocol) -> [Int]? {
        let utf8 = text.utf8
        guard utf8.count == 18 else { return nil }
        var values: [Int] = []
        values.reserveCapacity(18)
        for byte in utf8 {
            let value = usccValues[Int(byte)]
            guard value >= 0 else { return nil }
            values.append(Int(value))
        }
        return values
    }

    /// Whether `text` is 18 characters of the USCC alphabet (`0-9A-HJ-NP-RTUWXY`).
    public static func hasUSCCShape(_ text: some StringProtocol) -> Bool {
        usccDigits(text) != nil
    }

    /// Whether `text` is a 统一社会信用代码 whose GB 32100 checksum verifies.
    public static func isValidUSCC(_ text: some StringProtocol) -> Bool {
        guard let values = usccDigits(text) else { return false }
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
