import GRDB
@testable import BuildPipeline
import CreditVocabulary
import DisclosurePolicy
import Foundation
import SnapshotModel
import SnapshotReader
import Testing

@Suite("Scheduled removal")
struct ScheduleTests {
    let yearStart = CivilDate(iso: "2026-01-01")!
    let yearEnd = CivilDate(iso: "2026-12-31")!

    @Test("the schedule lists exactly the days on which the shown rows change, over a year", arguments: [1, 2, 3] as [UInt64])
    func scheduleMatchesEveryDay(seed: UInt64) throws {
        let folder = TemporaryFolder()
        let file = try GeneratedSnapshot.write(folder.path("g.sqlite"), seed: seed)
        let snapshot = try SnapshotReader(file: file.path).read().snapshot
        let policy = DisclosurePolicy()
        let changes = policy.schedule(snapshot, from: yearStart, through: yearEnd)
        let byDate = Dictionary(uniqueKeysWithValues: changes.map { ($0.date, $0) })
        #expect(changes.count >= 10, "the generator should produce a busy year")
        var yesterday = policy.evaluate(snapshot, asOf: yearStart.adding(days: -1)).shownRows
        var day = yearStart
        while day <= yearEnd {
            let evaluation = policy.evaluate(snapshot, asOf: day)
            let today = evaluation.shownRows
            // The shown rows alone, as next and last change use them, are the evaluation's.
            #expect(policy.shownRows(snapshot, asOf: day) == ShownRowSet(evaluation), "\(day)")
            // next_change and the update date, given the day's evaluation, agree with the schedule.
            if let next = changes.first(where: { $0.date > day }) {
                #expect(policy.nextChange(snapshot, after: day, current: evaluation) == next.date, "\(day)")
            }
            if let last = changes.last(where: { $0.date <= day }) {
                #expect(policy.lastChange(snapshot, onOrBefore: day, current: evaluation) == last.date, "\(day)")
            }
            if let change = byDate[day] {
                #expect(Set(change.appearing.map(\.ref)) == today.subtracting(yesterday), "\(day)")
                #expect(Set(change.disappearing.map(\.ref)) == yesterday.subtracting(today), "\(day)")
            } else {
                #expect(today == yesterday, "\(day) changes but is not in the schedule")
            }
            yesterday = today
            day = day.adding(days: 1)
        }
        // next_change agrees with the schedule.
        #expect(policy.nextChange(snapshot, after: yearStart.adding(days: -1)) == changes.first?.date)
        if changes.count > 1 {
            #expect(policy.nextChange(snapshot, after: changes[0].date) == changes[1].date)
        }
    }

    @Test("building the day before and the day of each listed change publishes exactly the listed rows, and nothing of the removed ones is left")
    func buildsMatchSchedule() async throws {
        let fixture = try SiteFixture()
        let file = try GeneratedSnapshot.write(fixture.snapshotPath(), seed: 7)
        let snapshot = try SnapshotReader(file: file.path).read().snapshot
        let changes = DisclosurePolicy().schedule(snapshot, from: yearStart, through: yearEnd)
        #expect(!changes.isEmpty)
        func published(_ report: BuildReport) -> Set<String> {
            Set(report.published.flatMap { table, ids in ids.map { "\(table)[\($0)]" } })
        }
        for change in changes {
            let before = try await SiteBuilder.build(BuildOptions(
                snapshot: file.path, site: fixture.site, out: fixture.out, asOf: change.date.adding(days: -1)))
            let after = try await SiteBuilder.build(BuildOptions(
                snapshot: file.path, site: fixture.site, out: fixture.out, asOf: change.date))
            #expect(published(after).subtracting(published(before)) == Set(change.appearing.map { "\($0.ref)" }), "\(change.date)")
            #expect(published(before).subtracting(published(after)) == Set(change.disappearing.map { "\($0.ref)" }), "\(change.date)")
            if let next = changes.first(where: { $0.date > change.date }) {
                #expect(after.nextChange == next.date.iso)
            } else {
                #expect(after.nextChange.map { $0 > yearEnd.iso } ?? true)
            }
            let files = try outputText(fixture.out)
            for row in change.disappearing where [.records, .commitments, .verificationReports].contains(row.ref.table) {
                let folder = row.ref.table == .verificationReports ? "reports" : row.ref.table.rawValue
                for (path, text) in files {
                    #expect(!path.hasPrefix("\(folder)/\(row.ref.id)/"), "\(path) left after \(change.date)")
                    #expect(!text.contains("\(folder)/\(row.ref.id)/"), "\(path) links to removed \(row.ref)")
                }
            }
        }
    }

    @Test("a rebuild with nothing changed leaves every file's bytes, inode and mtime; a change touches only its files")
    func noChangeRebuild() async throws {
        let fixture = try SiteFixture()
        let file = try TestSnapshotFile(at: fixture.snapshotPath())
        try file.subject("S1", name: "福州甲公司")
        try file.subject("S2", name: "福州乙公司")
        try file.record("R1", subject: "S1", ["decided_on": "2026-01-10"])
        try file.record("R2", subject: "S2", ["decided_on": "2026-01-10", "publish_until": "2026-05-01"])
        func snapshotOfFiles() throws -> [String: (Data, Int, Date)] {
            var result: [String: (Data, Int, Date)] = [:]
            for (path, data) in try outputFiles(fixture.out) {
                let attributes = try FileManager.default.attributesOfItem(atPath: fixture.out + "/" + path)
                result[path] = (data, (attributes[.systemFileNumber] as! NSNumber).intValue, attributes[.modificationDate] as! Date)
            }
            return result
        }
        let first = try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                                       asOf: CivilDate(iso: "2026-03-01")!))
        #expect(!first.output.unchanged)
        let before = try snapshotOfFiles()
        try await Task.sleep(for: .milliseconds(50))
        let again = try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                                       asOf: CivilDate(iso: "2026-03-15")!))
        #expect(again.output.unchanged)
        let after = try snapshotOfFiles()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, old) in before {
            #expect(after[path]?.0 == old.0 && after[path]?.1 == old.1 && after[path]?.2 == old.2, "\(path) was touched")
        }
        // R2's window closes on 1 May: its page goes, R1's page and the content page stay as they were.
        let changed = try await SiteBuilder.build(BuildOptions(snapshot: file.path, site: fixture.site, out: fixture.out,
                                                         asOf: CivilDate(iso: "2026-05-01")!))
        #expect(!changed.output.unchanged && changed.output.removed >= 2)
        let third = try snapshotOfFiles()
        #expect(third["records/R2/index.html"] == nil)
        for path in ["records/R1/index.html", "about/index.html", "assets/style.css", "robots.txt"] {
            #expect(third[path]?.1 == before[path]?.1, "\(path) should have been kept")
        }
        #expect(third["index.html"]?.1 != before["index.html"]?.1)
    }
}

@Suite("The rows a build makes pages from")
struct ShownRowsTests {
    @Test("the shown rows of a snapshot are every shown row in order, and of the withheld only the reports a shown one corrects", arguments: [1, 2] as [UInt64])
    func shownRowsKeepOnlyShown(seed: UInt64) throws {
        let folder = TemporaryFolder()
        let file = try GeneratedSnapshot.write(folder.path("g.sqlite"), seed: seed)
        let snapshot = try SnapshotReader(file: file.path).read().snapshot
        for day in stride(from: 0, to: 720, by: 90).map({ CivilDate(iso: "2025-01-01")!.adding(days: $0) }) {
            let disclosure = DisclosurePolicy().evaluate(snapshot, asOf: day)
            let rows = disclosure.shownSnapshot(of: snapshot)
            func expectShown<Row>(_ all: [Row], _ kept: [Row], _ table: SnapshotTable, _ id: (Row) -> String) {
                #expect(kept.map(id) == all.map(id).filter { disclosure.isShown(table, $0) }, "\(table) on \(day)")
            }
            expectShown(snapshot.subjects, rows.subjects, .subjects, \.id)
            expectShown(snapshot.cases, rows.cases, .cases, \.id)
            expectShown(snapshot.records, rows.records, .records, \.id)
            expectShown(snapshot.listEntries, rows.listEntries, .listEntries, \.id)
            expectShown(snapshot.commitments, rows.commitments, .commitments, \.id)
            expectShown(snapshot.rectifications, rows.rectifications, .rectifications, \.id)
            expectShown(snapshot.interviews, rows.interviews, .interviews, \.id)
            expectShown(snapshot.repairActions, rows.repairActions, .repairActions, \.id)
            let corrected = Set(snapshot.reports.filter { disclosure.isShown(.verificationReports, $0.id) }.compactMap(\.supersedes))
            #expect(rows.reports.map(\.id) == snapshot.reports.map(\.id).filter {
                disclosure.isShown(.verificationReports, $0) || corrected.contains($0)
            })
            #expect(rows.caseSubjects.allSatisfy { disclosure.isShown(.cases, $0.caseID) && disclosure.isShown(.subjects, $0.subjectID) })
            #expect(rows.caseSubjects.count == snapshot.caseSubjects.filter {
                disclosure.isShown(.cases, $0.caseID) && disclosure.isShown(.subjects, $0.subjectID)
            }.count)
            #expect(rows.records.count < snapshot.records.count, "the generator withholds some records on \(day)")
        }
    }
}

@Suite("gongshi schedule's text")
struct ScheduleTextTests {
    @Test("each date with its weekday, each row by its Chinese table name and id, what happens and why in Chinese, the reason's code")
    func text() throws {
        let folder = TemporaryFolder()
        let snapshot = folder.path("demo.sqlite")
        #expect(try runProgram([HostVerifyTests.binary, "demo", "--out", snapshot, "--today", "2026-12-01"]).status == 0)
        let result = try runProgram([HostVerifyTests.binary, "schedule", "--snapshot", snapshot, "--site",
                                                DeployScriptTests.root.path, "--from", "2026-12-01", "--days", "10"], locale: "zh_CN.UTF-8")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("2026-12-06（星期日）"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  - 停止公示 信用记录 REC-014「行政处罚 江汉市监罚〔演示〕31号 · 武汉市江汉区李记烟酒商行」：已于2026年12月6日停止公示")
                    && $0.hasSuffix("[publish_until]") }, "\(lines)")
        // Each row with its title as the public reads it: a natural person masked, since the
        // output goes to logs and mail.
        #expect(lines.contains { $0.hasPrefix("  + 开始公示 信用记录 REC-016「司法判决 （演示）鄂0106民初456号 · 司马某」：此前公示期自2026年12月4日开始") },
                "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  + 开始公示 主体 S-SIMA「司马某」：") }, "\(lines)")
        let stored = try #require(try DatabaseQueue(path: snapshot).read { try String.fetchOne($0, sql: "SELECT name FROM subjects WHERE id = 'S-SIMA'") })
        #expect(stored != "司马某" && !result.output.contains(stored))
        #expect(result.output.firstMatch(of: /[0-9]{17}[0-9X]/) == nil, "an ID number in the schedule")
        let json = try runProgram([HostVerifyTests.binary, "schedule", "--snapshot", snapshot, "--site", DeployScriptTests.root.path,
                                   "--from", "2026-12-01", "--days", "10", "--json"])
        #expect(json.output.contains("\"title\" : \"司马某\"") && !json.output.contains(stored), "\(json.output.prefix(800))")
    }
}
