import CreditVocabulary
import Foundation
import SiteConfig
import Testing
import WorkingDays

@Suite("Working-day calendar")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.builtIn
    func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test("the 2026 Spring Festival: nine days off, and the Saturdays before and after are working days")
    func springFestival2026() throws {
        #expect(try calendar.isWorkingDay(day("2026-02-14")))  // Saturday, 调休
        for offset in 0..<9 { #expect(try !calendar.isWorkingDay(day("2026-02-15").adding(days: offset))) }
        #expect(try calendar.isWorkingDay(day("2026-02-24")))
        #expect(try calendar.isWorkingDay(day("2026-02-28")))  // Saturday, 调休
        // Decided on Friday 13 February, approved on Wednesday 25 February: 14th, 24th, 25th.
        #expect(try calendar.workingDays(after: day("2026-02-13"), through: day("2026-02-25")) == 3)
        #expect(try calendar.adding(workingDays: 7, to: day("2026-02-13")) == day("2026-03-02"))
    }

    @Test("National Day 2025 with Mid-Autumn: 1-8 October off, 28 September and 11 October worked")
    func nationalDay2025() throws {
        #expect(try calendar.isWorkingDay(day("2025-09-28")))  // Sunday, 调休
        #expect(try !calendar.isWorkingDay(day("2025-10-08")))
        #expect(try calendar.isWorkingDay(day("2025-10-11")))  // Saturday, 调休
        // After Friday 26 September: 28 (Sunday, 调休), 29, 30 September, then 9 and 10 October.
        #expect(try calendar.workingDays(after: day("2025-09-26"), through: day("2025-10-10")) == 5)
    }

    @Test("ordinary weeks: Monday to Friday")
    func ordinaryWeek() throws {
        #expect(try calendar.workingDays(after: day("2026-11-20"), through: day("2026-11-27")) == 5)
        #expect(try calendar.workingDays(after: day("2026-11-20"), through: day("2026-11-20")) == 0)
        #expect(try !calendar.isWorkingDay(day("2026-11-28")))
    }

    @Test("a year the calendar lacks is a clear error; site.toml can add it")
    func missingYear() throws {
        #expect(throws: WorkingDayCalendar.CalendarError.yearNotCovered(2027)) {
            try calendar.isWorkingDay(day("2027-03-01"))
        }
        let configuration = try SiteConfiguration(toml: try SiteTOML.parse("""
            [calendar.2027]
            days_off = ["2027-01-01", "2027-02-06..2027-02-12"]
            workdays = ["2027-02-14"]
            """))
        #expect(try configuration.calendar.isWorkingDay(day("2027-03-01")))
        #expect(try !configuration.calendar.isWorkingDay(day("2027-02-08")))
        #expect(try configuration.calendar.isWorkingDay(day("2027-02-14")))
        #expect(configuration.calendar.coveredYears == Array(2019...2027))
        #expect(throws: SiteFolderError.self) {
            try SiteConfiguration(toml: try SiteTOML.parse("[calendar.2027]\ndays_off = [\"2028-01-01\"]"))
        }
    }

    @Test("every day of 2019-2026 agrees with the chinese_calendar package")
    func independentSource() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "the test virtualenv is missing: run `make test` (it installs chinese-calendar into .venv)")
        let process = Process()
        process.executableURL = python
        process.arguments = [root.appendingPathComponent("Tests/scripts/workdays.py").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let theirs = Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        #expect(theirs.count > 1900)
        var day = self.day("2019-01-01")
        var disagreements: [String] = []
        while day.year <= 2026 {
            if try calendar.isWorkingDay(day) != theirs.contains(day.iso) { disagreements.append(day.iso) }
            day = day.adding(days: 1)
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }
}
