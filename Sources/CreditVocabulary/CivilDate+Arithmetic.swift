import Foundation

extension CivilDate {
    /// Days since 1970-01-01 (negative before it). Hinnant's days-from-civil algorithm.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The first and last dates a ``CivilDate`` holds.
    public static let earliest = CivilDate(year: 1, month: 1, day: 1)!
    public static let latest = CivilDate(year: 9999, month: 12, day: 31)!

    /// The date `dayNumber` days after 1970-01-01, held to ``earliest``...``latest``:
    /// arithmetic never traps, a window that would end after 9999 ends on its last day.
    public init(dayNumber: Int) {
        let clamped = min(max(dayNumber, -719_162), 2_932_896)
        let z = clamped + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        // The algorithm only produces valid dates, so the force unwrap cannot fail in range.
        self = CivilDate(year: y, month: m, day: d)!
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CivilDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// The date `months` calendar months later: the same day of the month, or that month's
    /// last day when it is shorter (2026-01-31 + 1 month = 2026-02-28). Held to
    /// ``earliest``...``latest`` like every date arithmetic.
    public func adding(months: Int) -> CivilDate {
        let bound = 9999 * 12
        let total = year * 12 + (month - 1) + max(min(months, bound), -bound)
        if total < 12 { return .earliest }
        if total > bound + 11 { return .latest }
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, CivilDate.daysIn(month: newMonth, year: newYear))
        return CivilDate(year: newYear, month: newMonth, day: newDay)!
    }

    /// The date `years` calendar years later (2024-02-29 + 1 year = 2025-02-28).
    public func adding(years: Int) -> CivilDate {
        adding(months: max(min(years, 10_000), -10_000) * 12)
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Number of days from `self` to `other` (positive when `other` is later).
    public func days(until other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Today in China Standard Time (UTC+08:00) at the instant `now`.
    public static func today(now: Date = Date()) -> CivilDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CivilDate(dayNumber: days)
    }
}

extension CivilDate {
    /// A period of calendar time used by disclosure rules.
    public enum Period: Hashable, Sendable, CustomStringConvertible {
        case months(Int)
        case years(Int)

        public var description: String {
            switch self {
            case .months(let n): return "\(n) months"
            case .years(let n): return "\(n) years"
            }
        }
    }

    /// The date one `period` after this one.
    public func adding(_ period: Period) -> CivilDate {
        switch period {
        case .months(let n): return adding(months: n)
        case .years(let n): return adding(years: n)
        }
    }
}
