/// A calendar day in China Standard Time (UTC+08:00), as the snapshot writes it: `YYYY-MM-DD`.
///
/// Disclosure windows are calendar periods, so this type does calendar arithmetic only:
/// no time of day, no time zone conversions beyond ``today(now:)``.
public struct CivilDate: Hashable, Comparable, Sendable, Encodable, CustomStringConvertible {
    /// Year, month and day in one word (`year << 9 | month << 5 | day`), so that a date is
    /// four bytes (a snapshot row holds several, a national snapshot millions) and dates
    /// compare as integers, in calendar order.
    private let packed: UInt32

    /// Proleptic Gregorian year, 1...9999.
    public var year: Int { Int(packed >> 9) }
    /// Month, 1...12.
    public var month: Int { Int(packed >> 5 & 0xf) }
    /// Day of the month, 1...28/29/30/31.
    public var day: Int { Int(packed & 0x1f) }

    /// A date from its parts; nil when the day does not exist (2026-02-29, 2026-13-01, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        packed = UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    private enum CodingKeys: String, CodingKey {
        case year, month, day
    }

    /// Encodes the year, month and day (as the date did when it stored them; page digests
    /// are taken of these fields).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(day, forKey: .day)
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, zero-padded); nil for anything else.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date as `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// Chinese long form, e.g. `2026年3月5日`.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.packed < rhs.packed
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
