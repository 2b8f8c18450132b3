import CreditVocabulary
import Foundation
import GRDB

/// Large synthetic snapshots for benchmarks (`gongshi demo --records N`): the mix of states
/// of real data (lists, commitments, reports, objections, repairs, drafts, internal rows,
/// minor and simplified records) and personal data in free text, with invented names and
/// valid identifiers. Dates spread over the four years before `today`.
public enum SyntheticSnapshot {
    /// Writes a snapshot with `records` records to `path` (replacing it).
    public static func write(to path: String, records: Int, today: CivilDate = .today(), seed: UInt64 = 1) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try? FileManager.default.removeItem(at: temporary)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            try db.execute(sql: SnapshotFormat.createSQL)
            try db.inTransaction {
                var writer = SyntheticWriter(db: db, today: today, random: SeededGenerator(state: seed), records: records)
                try writer.writeAll()
                return .commit
            }
        }
        try queue.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}

/// The row writer behind ``SyntheticSnapshot``.
struct SyntheticWriter {
    let db: Database
    let today: CivilDate
    var random: SeededGenerator
    let records: Int

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华飞玉兰红玲建国志强海燕晓东文斌").map(String.init)
    static let cities = [("福州", "350102", "鼓楼区"), ("厦门", "350203", "思明区"), ("武汉", "420103", "江汉区"), ("襄阳", "420606", "樊城区"),
                         ("杭州", "330106", "西湖区"), ("重庆", "500105", "江北区"), ("长沙", "430102", "芙蓉区"), ("兰州", "620102", "城关区")]
    static let trades = ["商贸", "医疗器械", "食品", "建筑工程", "物业服务", "酒业", "口腔医疗", "健康科技", "置业发展", "环保科技", "物流", "餐饮管理"]
    static let misconduct = ["非法集资", "虚假宣传", "生产销售假冒伪劣产品", "未按规定明码标价", "超标排放污染物", "拖欠农民工工资",
                             "违规发布医疗广告", "销售假酒", "传销", "价格欺诈", "偷税漏税", "违规施工", "食品安全不达标"]
    static let authorities = ["市场监督管理局", "生态环境局", "卫生健康委员会", "住房和城乡建设局", "人力资源和社会保障局", "税务局", "应急管理局"]
    static let usccAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<1000, using: &random) < percent * 10 }
    mutating func day(within days: Int) -> CivilDate { today.adding(days: -Int.random(in: 0...days, using: &random)) }
    mutating func personName() -> String { pick(Self.surnames) + pick(Self.given) + (chance(60) ? pick(Self.given) : "") }
    mutating func uscc(prefix: String, region: String) -> String {
        var body = prefix + region
        while body.count < 17 { body.append(pick(Self.usccAlphabet)) }
        return DemoIdentifiers.uscc(body)
    }
    mutating func idNumber(region: String) -> String {
        let birth = CivilDate(iso: "1960-01-01")!.adding(days: Int.random(in: 0...15000, using: &random))
        let digits = region + birth.iso.replacingOccurrences(of: "-", with: "") + String(format: "%03d", Int.random(in: 0...999, using: &random))
        return DemoIdentifiers.idNumber(digits)
    }
    mutating func mobile() -> String { "1" + pick(["38", "39", "58", "86", "37"]) + String(format: "%08d", Int.random(in: 0...99_999_999, using: &random)) }

    func statement(_ table: String, _ columns: [String]) throws -> Statement {
        try db.makeStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ","))) VALUES (\(columns.map { _ in "?" }.joined(separator: ",")))")
    }

    mutating func writeAll() throws {
        for (key, value) in [("format", "credit-disclosure-snapshot"), ("version", "1"), ("exported_at", "\(today.iso)T00:30:00+08:00"),
                             ("source", "合成基准测试平台（演示数据）"), ("region_code", "350100"), ("demo", "true")] {
            try db.execute(sql: "INSERT INTO snapshot_meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
        let subjectCount = max(10, records / 3)
        var subjects: [(id: String, name: String, person: Bool)] = []
        let subjectInsert = try statement("subjects", ["id", "kind", "name", "uscc", "id_number", "legal_representative", "region_code", "address", "phone"])
        for index in 0..<subjectCount {
            let (city, region, district) = pick(Self.cities)
            let id = "S\(index)"
            let roll = Int.random(in: 0..<10, using: &random)
            if roll < 2 {
                let name = personName()
                subjects.append((id, name, true))
                try subjectInsert.execute(arguments: [id, "natural_person", name, nil, idNumber(region: region), nil, region,
                                                      "\(city)市\(district)\(pick(Self.given))\(pick(Self.given))路\(index % 300 + 1)号\(index % 20 + 1)栋", mobile()])
            } else if roll < 3 {
                let owner = personName()
                let name = "\(city)市\(district)\(owner.prefix(1))记\(pick(Self.trades))店\(index)"
                subjects.append((id, name, false))
                try subjectInsert.execute(arguments: [id, "individual_business", name, uscc(prefix: "92", region: region), nil, owner, region,
                                                      "\(city)市\(district)\(pick(Self.given))街\(index % 500 + 1)号", mobile()])
            } else {
                let name = "\(city)\(pick(Self.given))\(pick(Self.given))\(pick(Self.trades))有限公司\(index)"
                subjects.append((id, name, false))
                try subjectInsert.execute(arguments: [id, "legal_person", name, uscc(prefix: "91", region: region), nil, personName(), region,
                                                      "\(city)市\(district)\(pick(Self.given))大道\(index % 900 + 1)号", "0591-8\(String(format: "%07d", index % 10_000_000))"])
            }
        }
        let caseCount = max(5, records / 200)
        let caseInsert = try statement("cases", ["id", "title", "region", "reported_on", "source", "domain", "summary_md", "tags"])
        let linkInsert = try statement("case_subjects", ["case_id", "subject_id", "role"])
        let reportInsert = try statement("verification_reports", ["id", "case_id", "title", "lead_department", "methods", "conclusion", "measures",
                                                                  "body_md", "concluded_on", "supersedes", "review_status", "approved_on", "scope"])
        var reportIDs: [String] = []
        for index in 0..<caseCount {
            let (city, _, _) = pick(Self.cities)
            let wrong = pick(Self.misconduct)
            let subject = pick(subjects)
            let reported = day(within: 1400)
            try caseInsert.execute(arguments: ["C\(index)", "\(city)某企业涉嫌\(wrong)问题调查\(index)", "\(city)", reported.iso,
                                               pick(["新华社", "人民网", "中新网", "财经网"]), "市场监管",
                                               "媒体报道，\(subject.name)涉嫌\(wrong)。", #"["\#(wrong)"]"#])
            try linkInsert.execute(arguments: ["C\(index)", subject.id, "responsible"])
            let approved = reported.adding(days: Int.random(in: 10...60, using: &random))
            try reportInsert.execute(arguments: ["VR\(index)", "C\(index)", "关于\(subject.name)\(wrong)案例的核查报告", "\(city)市发展和改革委员会",
                                                 #"["访谈","现场调查"]"#, pick(["confirmed", "partially_confirmed", "unfounded"]), #"["interview"]"#,
                                                 "## 核查情况\n\n经核查，\(subject.name)存在\(wrong)行为。联系人\(personName())，电话\(mobile())。",
                                                 approved.iso, nil, chance(5) ? "pending" : "approved", approved.iso, "public"])
            reportIDs.append("VR\(index)")
            if chance(10) {
                let later = approved.adding(days: 30)
                try reportInsert.execute(arguments: ["VR\(index)R", "C\(index)", "关于\(subject.name)\(wrong)案例的核查报告（更正）", "\(city)市发展和改革委员会",
                                                     #"["访谈"]"#, "partially_confirmed", "[]", "更正后的核查情况。", later.iso, "VR\(index)",
                                                     "approved", later.iso, "public"])
            }
        }
        let recordInsert = try statement("records", ["id", "subject_id", "report_id", "kind", "severity", "procedure", "penalty_types", "fine_yuan",
                                                     "document_no", "decided_on", "authority", "basis", "facts_md", "outcome", "publish_until",
                                                     "repaired_on", "revoked_on", "review_status", "approved_on", "scope"])
        for index in 0..<records {
            let subject = pick(subjects)
            let (city, _, _) = pick(Self.cities)
            let decided = day(within: 1400)
            let severity = chance(10) ? "minor" : (chance(25) ? "serious" : "general")
            let wrong = pick(Self.misconduct)
            var facts = "当事人\(subject.name)\(wrong)，违法所得\(Int.random(in: 1...500, using: &random))万元。"
            if chance(15) { facts += "经办人\(personName())，联系电话\(mobile())。" }
            if chance(5) { facts += "涉及个人身份证号\(idNumber(region: "350102"))。" }
            facts += "\n\n- 检查时间：\(decided.iso)\n- 处理依据：相关法律法规"
            try recordInsert.execute(arguments: [
                "R\(index)", subject.id, chance(5) ? pick(reportIDs) : nil, chance(85) ? "administrative_penalty" : pick(["judgment", "enforcement", "other"]),
                severity, chance(5) ? "simplified" : "ordinary", chance(5) ? #"["warning"]"# : #"["warning","fine"]"#, Int.random(in: 1...100, using: &random) * 1000,
                "\(city)\(pick(["市监", "环", "卫", "住建"]))罚〔\(decided.year)〕\(index)号", decided.iso, "\(city)市\(pick(Self.authorities))",
                "《中华人民共和国行政处罚法》", facts, "罚款", chance(5) ? decided.adding(days: 200).iso : nil,
                chance(10) ? decided.adding(days: Int.random(in: 90...600, using: &random)).iso : nil,
                chance(3) ? decided.adding(days: 60).iso : nil, chance(5) ? "draft" : "approved",
                decided.adding(days: Int.random(in: 1...15, using: &random)).iso, chance(3) ? "internal" : "public",
            ])
        }
        let listInsert = try statement("list_entries", ["id", "subject_id", "list", "domain", "authority", "reason_md", "record_id", "listed_on",
                                                        "valid_until", "removed_on", "review_status", "approved_on", "scope"])
        for index in 0..<(records / 8) {
            let listed = day(within: 1000)
            try listInsert.execute(arguments: [
                "L\(index)", pick(subjects).id, pick(["red", "black", "black", "watch"]), "市场监管", "福州市发展和改革委员会",
                "列入事由：\(pick(Self.misconduct))。", chance(30) ? "R\(Int.random(in: 0..<records, using: &random))" : nil, listed.iso,
                chance(30) ? listed.adding(days: 500).iso : nil, chance(10) ? listed.adding(days: 200).iso : nil, "approved", listed.iso, "public",
            ])
        }
        let commitmentInsert = try statement("commitments", ["id", "subject_id", "kind", "record_id", "made_on", "status", "body_md",
                                                             "review_status", "approved_on", "scope"])
        for index in 0..<(records / 10) {
            let made = day(within: 1000)
            try commitmentInsert.execute(arguments: [
                "M\(index)", pick(subjects).id, pick(["approval_notice", "voluntary", "repair", "industry"]), nil, made.iso,
                pick(["in_force", "fulfilled", "breached", "in_force"]), "本单位承诺依法诚信经营。", "approved", made.iso, "public",
            ])
        }
        let rectificationInsert = try statement("rectifications", ["id", "record_id", "requirement_md", "deadline", "status"])
        for index in 0..<(records / 6) {
            try rectificationInsert.execute(arguments: ["T\(index)", "R\(Int.random(in: 0..<records, using: &random))", "限期整改，消除违法状态。",
                                                        day(within: 600).adding(days: 120).iso, pick(["open", "completed", "overdue"])])
        }
        let interviewInsert = try statement("interviews", ["id", "record_id", "kind", "held_on", "refused", "summary_md", "scope"])
        for index in 0..<(records / 10) {
            try interviewInsert.execute(arguments: ["I\(index)", "R\(Int.random(in: 0..<records, using: &random))", pick(["reminder", "warning"]),
                                                    day(within: 900).iso, chance(10) ? 1 : 0, "约谈企业负责人\(personName())。", chance(10) ? "internal" : "public"])
        }
        let repairInsert = try statement("repair_actions", ["id", "record_id", "kind", "completed_on", "provider", "hours"])
        for index in 0..<(records / 10) {
            try repairInsert.execute(arguments: ["A\(index)", "R\(Int.random(in: 0..<records, using: &random))", pick(["training", "credit_report", "commitment"]),
                                                 day(within: 900).iso, "信用服务机构", 3.0])
        }
        let objectionInsert = try statement("objections", ["id", "target_table", "target_id", "filed_on", "status", "resolved_on"])
        for index in 0..<(records / 40) {
            let filed = day(within: 300)
            let status = pick(["pending", "rejected", "upheld", "rejected"])
            try objectionInsert.execute(arguments: ["O\(index)", "records", "R\(Int.random(in: 0..<records, using: &random))", filed.iso, status,
                                                    status == "pending" ? nil : filed.adding(days: 20).iso])
        }
        let overrideInsert = try statement("redaction_overrides", ["id", "target_table", "target_id", "field", "phrase", "reason"])
        for index in 0..<(records / 300) {
            try overrideInsert.execute(arguments: ["X\(index)", "records", "R\(Int.random(in: 0..<records, using: &random))", "facts_md",
                                                   "违法所得", "trade_secret"])
        }
    }
}
