import CreditVocabulary
import DemoSnapshot
import Foundation

/// Writes a snapshot with a realistic mix of states whose windows open and close during 2026.
enum GeneratedSnapshot {
    static func write(_ path: String, seed: UInt64, records: Int = 40) throws -> TestSnapshotFile {
        var random = SeededGenerator(state: seed)
        let file = try TestSnapshotFile(at: path)
        let base = CivilDate(iso: "2024-10-01")!
        func date(_ low: Int, _ high: Int) -> CivilDate { base.adding(days: Int.random(in: low...high, using: &random)) }
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        let subjects = (0..<12).map { String(format: "SUB-%02d", $0) }
        for (index, id) in subjects.enumerated() {
            try file.subject(id, kind: index % 4 == 3 ? "natural_person" : "legal_person",
                             name: index % 4 == 3 ? "测试人\(["甲", "乙", "丙"][index % 3])\(index)" : "福州测试\(index)有限公司")
        }
        var recordIDs: [String] = []
        for index in 0..<records {
            let id = String(format: "REC-%04d", index)
            recordIDs.append(id)
            let decided = date(0, 800)
            try file.record(id, subject: subjects.randomElement(using: &random)!, [
                "severity": chance(10) ? "minor" : (chance(35) ? "serious" : "general"),
                "decided_on": decided.iso,
                "approved_on": decided.adding(days: Int.random(in: 0...25, using: &random)).iso,
                "publish_until": chance(15) ? decided.adding(days: Int.random(in: 30...300, using: &random)).iso : nil,
                "repaired_on": chance(15) ? decided.adding(days: Int.random(in: 60...500, using: &random)).iso : nil,
                "revoked_on": chance(8) ? decided.adding(days: Int.random(in: 10...200, using: &random)).iso : nil,
                "review_status": chance(8) ? "pending" : "approved",
            ])
        }
        for index in 0..<15 {
            let listed = date(0, 800)
            try file.listEntry(String(format: "LST-%03d", index), subject: subjects.randomElement(using: &random)!,
                               list: ["red", "black", "watch"].randomElement(using: &random)!, [
                "listed_on": listed.iso, "approved_on": listed.iso,
                "record_id": chance(30) ? recordIDs.randomElement(using: &random)! : nil,
                "valid_until": chance(30) ? listed.adding(days: Int.random(in: 100...700, using: &random)).iso : nil,
                "removed_on": chance(20) ? listed.adding(days: Int.random(in: 30...400, using: &random)).iso : nil,
            ])
        }
        for index in 0..<10 {
            let made = date(0, 800)
            try file.commitment(String(format: "CMT-%03d", index), subject: subjects.randomElement(using: &random)!, [
                "made_on": made.iso, "approved_on": made.iso,
                "valid_until": chance(50) ? made.adding(days: Int.random(in: 100...500, using: &random)).iso : nil,
                "record_id": chance(30) ? recordIDs.randomElement(using: &random)! : nil,
                "status": chance(10) ? "withdrawn" : "in_force",
            ])
        }
        for index in 0..<5 {
            let caseID = "CASE-\(index)"
            try file.caseRow(caseID)
            try file.insert("case_subjects", ["case_id": caseID, "subject_id": subjects.randomElement(using: &random)!, "role": "involved"])
            let approved = date(200, 700)
            try file.report("RPT-\(index)", case: caseID, ["approved_on": approved.iso])
            if chance(50) {
                try file.report("RPT-\(index)-B", case: caseID, ["approved_on": approved.adding(days: Int.random(in: 20...200, using: &random)).iso,
                                                                   "supersedes": "RPT-\(index)"])
            }
        }
        for index in 0..<10 {
            try file.insert("rectifications", ["id": "RCT-\(index)", "record_id": recordIDs.randomElement(using: &random)!,
                                               "requirement_md": "整改\(index)", "deadline": date(300, 900).iso, "status": "open"])
        }
        for index in 0..<6 {
            let filed = date(400, 800)
            let status = ["pending", "upheld", "rejected"].randomElement(using: &random)!
            try file.insert("objections", [
                "id": "OBJ-\(index)", "target_table": "records", "target_id": recordIDs.randomElement(using: &random)!,
                "filed_on": filed.iso, "status": status,
                "resolved_on": status == "pending" ? nil : filed.adding(days: Int.random(in: 5...60, using: &random)).iso,
            ])
        }
        return file
    }
}
