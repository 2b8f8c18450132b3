import CreditVocabulary
import GRDB

extension DemoContent {
    func record(
        _ id: String, subject: String, report: String? = nil, kind: String = "administrative_penalty",
        severity: String, procedure: String? = "ordinary", penalties: String, fine: Int? = nil, document: String?,
        decided: Int, authority: String, basis: String? = nil, facts: String, outcome: String? = nil,
        publishUntil: Int? = nil, repaired: Int? = nil, revoked: Int? = nil, status: String = "approved",
        approved: Int?, scope: String = "public"
    ) throws {
        try insert("records", [
            "id": id, "subject_id": subject, "report_id": report, "kind": kind, "severity": severity,
            "procedure": procedure, "penalty_types": penalties, "fine_yuan": fine, "document_no": document,
            "decided_on": day(decided), "authority": authority, "basis": basis, "facts_md": facts, "outcome": outcome,
            "publish_until": publishUntil.map(day), "repaired_on": repaired.map(day), "revoked_on": revoked.map(day),
            "review_status": status, "approved_on": approved.map(day), "scope": scope,
        ])
    }

    func insertRecords() throws {
        try record(
            "REC-001", subject: "S-DENTAL", report: "VR-3-1", severity: "serious",
            penalties: #"["fine", "confiscation", "license_revocation"]"#, fine: 500_000,
            document: "襄市监罚〔演示〕101号", decided: -155, authority: "襄阳市市场监督管理局",
            basis: "《防范和处置非法集资条例》第三十条",
            facts: "当事人以“入股诊所、种植牙分红”为名，向 1,200 余名群众吸收资金。实际控制人欧阳志强（手机 13872251234）负责组织。",
            outcome: "没收违法所得，罚款 50 万元，吊销医疗机构执业许可证", approved: -150)
        try record(
            "REC-002", subject: "S-HOSPITAL", report: "VR-5-1", severity: "general", penalties: #"["warning", "fine"]"#,
            fine: 3000, document: "黄卫罚〔演示〕52号", decided: -135, authority: "黄冈市卫生健康委员会",
            basis: "《医疗机构管理条例》", facts: "手术过程中临时加价，向患者王某收取未告知的费用。", outcome: "警告，罚款 3000 元",
            approved: -130)
        try record(
            "REC-003", subject: "S-HOSPITAL", severity: "minor", penalties: #"["warning"]"#, document: "黄卫罚〔演示〕53号",
            decided: -120, authority: "黄冈市卫生健康委员会", facts: "病历书写不规范，情节轻微。", approved: -118)
        try record(
            "REC-004", subject: "S-SHOP", severity: "general", procedure: "simplified", penalties: #"["fine"]"#, fine: 200,
            document: "江汉市监简罚〔演示〕7号", decided: -100, authority: "武汉市江汉区市场监督管理局",
            facts: "未明码标价（简易程序）。", approved: -99)
        try record(
            "REC-005", subject: "S-SHOP", severity: "general", penalties: #"["warning"]"#, document: "江汉市监罚〔演示〕8号",
            decided: -95, authority: "武汉市江汉区市场监督管理局", facts: "仅给予警告。", approved: -94)
        try record(
            "REC-006", subject: "S-LIQUOR", report: "VR-33-2", severity: "serious",
            penalties: #"["fine", "confiscation", "production_suspension"]"#, fine: 1_200_000,
            document: "渝市监罚〔演示〕206号", decided: -78, authority: "重庆市市场监督管理局",
            basis: "《中华人民共和国食品安全法》第一百二十三条",
            facts: "当事人生产销售假冒“飞天茅台”白酒 3,600 瓶，其勾兑配方为食用酒精与香精按 3:1 比例调配。",
            outcome: "没收违法所得及假酒，罚款 120 万元，责令停产停业", approved: -75)
        try record(
            "REC-007", subject: "S-DEVELOPER", report: "VR-36-3", kind: "verification_finding", severity: "general",
            penalties: "[]", document: "武住核〔演示〕3号", decided: -35, authority: "武汉市住房和城市更新局",
            facts: "开发商破产重整后另行开发，未妥善安置已购房业主。", outcome: "责令限期整改", approved: -30)
        try record(
            "REC-008", subject: "S-DENTAL", severity: "general", penalties: #"["fine"]"#, fine: 20000,
            document: "襄市监罚〔演示〕12号", decided: -800, authority: "襄阳市市场监督管理局",
            facts: "发布虚假医疗广告（公示期已满）。", approved: -790)
        try record(
            "REC-009", subject: "S-JUICE", severity: "general", penalties: #"["fine"]"#, fine: 50000,
            document: "武市监罚〔演示〕77号", decided: -200, authority: "武汉市市场监督管理局",
            facts: "虚假宣传（已完成信用修复）。", repaired: -10, approved: -195)
        try record(
            "REC-010", subject: "S-JUICE", severity: "serious", penalties: #"["fine"]"#, fine: 80000,
            document: "武市监罚〔演示〕78号", decided: -180, authority: "武汉市市场监督管理局",
            facts: "该决定已被撤销。", revoked: -20, approved: -175)
        try record(
            "REC-011", subject: "S-OUYANG", report: "VR-3-1", kind: "enforcement", severity: "serious", procedure: nil,
            penalties: "[]", document: "（演示）鄂06执123号", decided: -140, authority: "襄阳市中级人民法院",
            facts: "被执行人欧阳志强（身份证号 \(idOuyang)）有履行能力而拒不履行生效法律文书确定的义务。联系地址：湖北省襄阳市襄城区古城街道北街12号。",
            outcome: "纳入失信被执行人名单", approved: -138)
        try record(
            "REC-012", subject: "S-JUICE", severity: "serious", penalties: #"["fine"]"#, fine: 10000,
            document: "武市监罚〔演示〕90号", decided: -12, authority: "武汉市市场监督管理局", facts: "草稿，待审核。",
            status: "draft", approved: nil)
        try record(
            "REC-013", subject: "S-LIQUOR", kind: "inspection", severity: "general", procedure: nil, penalties: "[]",
            document: nil, decided: -60, authority: "重庆市市场监督管理局", facts: "内部监督检查记录，不宜公开。",
            approved: -58, scope: "internal")
        try record(
            "REC-014", subject: "S-SHOP", severity: "general", penalties: #"["fine"]"#, fine: 5000,
            document: "江汉市监罚〔演示〕31号", decided: -50, authority: "武汉市江汉区市场监督管理局",
            facts: "销售假冒白酒。经营者李大海，联系电话 139-0719-1234。", publishUntil: 5, approved: -45)
        try record(
            "REC-015", subject: "S-PROPERTY", severity: "general", penalties: #"["fine"]"#, fine: 10000,
            document: "襄住建罚〔演示〕9号", decided: -40, authority: "襄阳市住房和城乡建设局",
            facts: "擅自改变公共区域用途（当事人已提出异议，正在核实）。", approved: -38)
        try record(
            "REC-016", subject: "S-SIMA", kind: "judgment", severity: "general", procedure: nil, penalties: "[]",
            document: "（演示）鄂0106民初456号", decided: -20, authority: "武汉市武昌区人民法院",
            facts: "司马晓东拒不履行合同义务，经判决确认。", approved: 3)
    }

    func insertLists() throws {
        let entries: [[String: (any DatabaseValueConvertible)?]] = [
            ["id": "L-001", "subject_id": "S-DENTAL", "list": "black", "domain": "医疗卫生", "authority": "襄阳市发展和改革委员会",
             "basis": "《失信行为纠正后的信用信息修复管理办法》", "reason_md": "非法集资，涉案金额 2 亿 4500 万元。",
             "record_id": "REC-001", "listed_on": day(-150), "review_status": "approved", "approved_on": day(-150),
             "scope": "public"],
            ["id": "L-002", "subject_id": "S-JUICE", "list": "watch", "domain": "市场监管", "authority": "武汉市市场监督管理局",
             "reason_md": "涉嫌传销，持续追踪。", "listed_on": day(-55), "review_status": "approved", "approved_on": day(-55),
             "scope": "public"],
            ["id": "L-003", "subject_id": "S-PROPERTY", "list": "red", "domain": "物业服务", "authority": "襄阳市住房和城乡建设局",
             "reason_md": "连续三年物业服务诚信评价优秀。", "listed_on": day(-300), "review_status": "approved",
             "approved_on": day(-300), "scope": "public"],
            ["id": "L-004", "subject_id": "S-LIQUOR", "list": "black", "domain": "食品药品", "authority": "重庆市市场监督管理局",
             "reason_md": "生产销售假冒白酒，情节严重。", "record_id": "REC-006", "listed_on": day(-75),
             "review_status": "approved", "approved_on": day(-75), "scope": "public"],
            ["id": "L-005", "subject_id": "S-HOSPITAL", "list": "black", "domain": "医疗卫生", "authority": "黄冈市卫生健康委员会",
             "reason_md": "已移出名单。", "listed_on": day(-500), "removed_on": day(-20), "removal_reason": "信用修复",
             "review_status": "approved", "approved_on": day(-500), "scope": "public"],
            ["id": "L-006", "subject_id": "S-OUYANG", "list": "watch", "domain": "金融", "authority": "襄阳市地方金融管理局",
             "reason_md": "非法集资实际控制人欧阳志强，重点关注。", "record_id": "REC-011", "listed_on": day(-138),
             "review_status": "approved", "approved_on": day(-138), "scope": "public"],
            ["id": "L-007", "subject_id": "S-PROPERTY", "list": "red", "domain": "物业服务", "authority": "襄阳市住房和城乡建设局",
             "reason_md": "有效期已届满。", "listed_on": day(-900), "valid_until": day(-170), "review_status": "approved",
             "approved_on": day(-900), "scope": "public"],
        ]
        for entry in entries { try insert("list_entries", entry) }
    }

    func insertCommitments() throws {
        let commitments: [[String: (any DatabaseValueConvertible)?]] = [
            ["id": "CM-001", "subject_id": "S-HOSPITAL", "kind": "repair", "record_id": "REC-002", "made_on": day(-60),
             "status": "in_force", "body_md": "本单位承诺严格执行医疗服务价格公示制度，不再发生类似问题。",
             "review_status": "approved", "approved_on": day(-59), "scope": "public"],
            ["id": "CM-002", "subject_id": "S-PROPERTY", "kind": "voluntary", "made_on": day(-200), "status": "fulfilled",
             "body_md": "本公司承诺依法诚信经营，主动接受社会监督。", "review_status": "approved", "approved_on": day(-199),
             "scope": "public"],
            ["id": "CM-003", "subject_id": "S-SHOP", "kind": "approval_notice", "made_on": day(-300), "status": "breached",
             "body_md": "本商行承诺所售酒类均来源合法。", "review_status": "approved", "approved_on": day(-300), "scope": "public"],
            ["id": "CM-004", "subject_id": "S-DEVELOPER", "kind": "industry", "made_on": day(-100), "status": "withdrawn",
             "body_md": "已撤回的承诺。", "review_status": "approved", "approved_on": day(-100), "scope": "public"],
        ]
        for commitment in commitments { try insert("commitments", commitment) }
    }

    func insertFollowUps() throws {
        try insert("rectifications", [
            "id": "RT-001", "record_id": "REC-001", "requirement_md": "全额清退集资款，并向受害群众公开致歉。",
            "deadline": day(-60), "status": "overdue"])
        try insert("rectifications", [
            "id": "RT-002", "record_id": "REC-007", "requirement_md": "制定并落实购房者安置补偿方案，联系人孙海涛（电话 027-86661234）。",
            "deadline": day(30), "status": "open"])
        try insert("rectifications", [
            "id": "RT-003", "record_id": "REC-002", "requirement_md": "完善收费公示制度。", "deadline": day(-100),
            "status": "completed", "completed_on": day(-105)])
        try insert("interviews", [
            "id": "IV-001", "record_id": "REC-007", "kind": "warning", "held_on": day(-25), "refused": 1,
            "summary_md": "通知当事人参加警示约谈，当事人无正当理由拒不参加。", "scope": "public"])
        try insert("interviews", [
            "id": "IV-002", "record_id": "REC-001", "kind": "reminder", "held_on": day(-145), "refused": 0,
            "summary_md": "对企业负责人进行提示约谈。", "scope": "public"])
        try insert("interviews", [
            "id": "IV-003", "record_id": "REC-001", "kind": "warning", "held_on": day(-140), "refused": 0,
            "summary_md": "内部约谈记录。", "scope": "internal"])
        try insert("repair_actions", [
            "id": "RA-001", "record_id": "REC-002", "kind": "training", "completed_on": day(-58),
            "provider": "湖北省信用协会（演示）", "hours": 3.0])
        try insert("repair_actions", [
            "id": "RA-002", "record_id": "REC-002", "kind": "commitment", "completed_on": day(-59)])
        try insert("objections", [
            "id": "OB-001", "target_table": "records", "target_id": "REC-015", "filed_on": day(-10), "status": "pending"])
        try insert("objections", [
            "id": "OB-002", "target_table": "records", "target_id": "REC-010", "filed_on": day(-40), "status": "upheld",
            "resolved_on": day(-20), "resolution_md": "决定已撤销。"])
        try insert("objections", [
            "id": "OB-003", "target_table": "list_entries", "target_id": "L-004", "filed_on": day(-70), "status": "rejected",
            "resolved_on": day(-60)])
        try insert("redaction_overrides", [
            "id": "RO-001", "target_table": "records", "target_id": "REC-006", "field": "facts_md",
            "phrase": "其勾兑配方为食用酒精与香精按 3:1 比例调配", "reason": "trade_secret"])
        try insert("redaction_overrides", [
            "id": "RO-002", "target_table": "verification_reports", "target_id": "VR-33-2", "field": "body_md",
            "phrase": "其勾兑配方为食用酒精与香精按 3:1 比例调配", "reason": "trade_secret"])
    }
}
