import CreditVocabulary
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test("parses exactly YYYY-MM-DD", arguments: [
        ("2026-03-05", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false), ("2026-00-10", false),
        ("2026-1-05", false), ("2026/03/05", false), (" 2026-03-05", false), ("2026-03-05T00:00", false), ("", false),
        ("２０２６-03-05", false), ("2026-04-31", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((CivilDate(iso: text) != nil) == valid)
        if valid { #expect(CivilDate(iso: text)!.iso == text) }
    }

    @Test("calendar months keep the day or clamp to the month's end", arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-01-31", 3, "2026-04-30"),
        ("2026-03-31", -1, "2026-02-28"), ("2026-11-30", 3, "2027-02-28"), ("2026-12-15", 1, "2027-01-15"),
        ("2026-05-31", 12, "2027-05-31"),
    ])
    func months(start: String, months: Int, expected: String) {
        #expect(CivilDate(iso: start)!.adding(months: months).iso == expected)
    }

    @Test("years from 29 February land on 28 February, or 29 in a leap year")
    func leapYears() {
        let leapDay = CivilDate(iso: "2024-02-29")!
        #expect(leapDay.adding(years: 1).iso == "2025-02-28")
        #expect(leapDay.adding(years: 3).iso == "2027-02-28")
        #expect(leapDay.adding(years: 4).iso == "2028-02-29")
        #expect(CivilDate.isLeap(2000) && !CivilDate.isLeap(1900) && CivilDate.isLeap(2024) && !CivilDate.isLeap(2026))
    }

    @Test("day numbers round-trip every day from 1999 to 2031")
    func dayNumbers() {
        var date = CivilDate(iso: "1999-01-01")!
        var number = date.dayNumber
        while date.year < 2032 {
            #expect(CivilDate(dayNumber: number) == date)
            let next = date.adding(days: 1)
            #expect(next.dayNumber == number + 1)
            #expect(next > date)
            date = next
            number += 1
        }
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
    }

    @Test("weekdays")
    func weekdays() {
        #expect(CivilDate(iso: "2026-11-23")!.isoWeekday == 1)  // Monday
        #expect(CivilDate(iso: "2026-11-29")!.isoWeekday == 7)
        #expect(CivilDate(iso: "2024-02-29")!.isoWeekday == 4)
    }
}
