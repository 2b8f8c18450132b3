import CreditVocabulary
import Foundation

/// China's working days (工作日): Monday to Friday, less the statutory days off, plus the
/// adjusted working days (调休) of each year's State Council notice. Covers 2019-2026 out of
/// the box; a site adds years in `site.toml` (`[calendar.2027]`).
public struct WorkingDayCalendar: Sendable {
    /// One year's arrangement.
    public struct Year: Hashable, Sendable {
        /// Days off, weekend days inside a break included.
        public var daysOff: Set<CivilDate>
        /// Weekend days that are working days.
        public var workdays: Set<CivilDate>

        /// An arrangement.
        public init(daysOff: Set<CivilDate>, workdays: Set<CivilDate>) {
            self.daysOff = daysOff
            self.workdays = workdays
        }

        /// Parses `YYYY-MM-DD` and `YYYY-MM-DD..YYYY-MM-DD` entries; nil names the bad entry.
        public init(daysOff: [String], workdays: [String]) throws {
            self.daysOff = try Self.expand(daysOff)
            self.workdays = try Self.expand(workdays)
        }

        static func expand(_ entries: [String]) throws -> Set<CivilDate> {
            var dates = Set<CivilDate>()
            for entry in entries {
                let parts = entry.components(separatedBy: "..")
                guard (1...2).contains(parts.count), let first = CivilDate(iso: parts[0]),
                      let last = CivilDate(iso: parts[parts.count - 1]), first <= last,
                      first.days(until: last) < 31 else {
                    throw CalendarError.badEntry(entry)
                }
                var day = first
                while day <= last {
                    dates.insert(day)
                    day = day.adding(days: 1)
                }
            }
            return dates
        }
    }

    /// Why a computation cannot be done.
    public enum CalendarError: Error, Equatable, CustomStringConvertible {
        /// The calendar has no arrangement for this year.
        case yearNotCovered(Int)
        /// A date or range in the data is malformed.
        case badEntry(String)

        public var description: String {
            switch self {
            case .yearNotCovered(let year):
                return "the working-day calendar has no holiday arrangement for \(year); add [calendar.\(year)] to site.toml"
            case .badEntry(let entry):
                return "'\(entry)' is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"
            }
        }
    }

    /// The arrangements by year.
    public private(set) var years: [Int: Year]

    /// The calendar shipped with gongshi (2019-2026).
    public static let builtIn: WorkingDayCalendar = {
        var years: [Int: Year] = [:]
        for (year, data) in StatutoryHolidays.years {
            // The built-in data is checked by the tests; a malformed entry is a programming error.
            years[year] = try! Year(daysOff: data.daysOff, workdays: data.workdays)
        }
        return WorkingDayCalendar(years: years)
    }()

    /// A calendar with the given years.
    public init(years: [Int: Year]) {
        self.years = years
    }

    /// This calendar with `year` added or replaced.
    public func adding(_ year: Int, _ arrangement: Year) -> WorkingDayCalendar {
        var copy = self
        copy.years[year] = arrangement
        return copy
    }

    /// The years covered, sorted.
    public var coveredYears: [Int] { years.keys.sorted() }

    /// Whether `date` is a working day.
    /// - Throws: ``CalendarError/yearNotCovered(_:)`` for a year without an arrangement.
    public func isWorkingDay(_ date: CivilDate) throws -> Bool {
        guard let year = years[date.year] else { throw CalendarError.yearNotCovered(date.year) }
        if year.workdays.contains(date) { return true }
        if year.daysOff.contains(date) { return false }
        return date.isoWeekday <= 5
    }

    /// The working days after `start`, up to and including `end` (0 when `end <= start`).
    /// A decision on a Friday approved the next Monday took 1 working day.
    public func workingDays(after start: CivilDate, through end: CivilDate) throws -> Int {
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if try isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The day `count` working days after `start`.
    public func adding(workingDays count: Int, to start: CivilDate) throws -> CivilDate {
        var day = start
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if try isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }
}
