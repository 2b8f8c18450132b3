import CreditVocabulary
import GRDB

/// The rows of the demo snapshot. Every name, identifier, phone and address is invented.
struct DemoContent {
    let db: Database
    let today: CivilDate

    /// A date `days` from today, as the snapshot writes it.
    func day(_ days: Int) -> String { today.adding(days: days).iso }

    func insert(_ table: String, _ values: [String: (any DatabaseValueConvertible)?]) throws {
        let columns = values.keys.sorted()
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        try db.execute(sql: sql, arguments: StatementArguments(columns.map { values[$0]! }))
    }

    // Invented subjects' identifiers.
    let usccDental = DemoIdentifiers.uscc("91420600MA4F3K2Q1")
    let usccHospital = DemoIdentifiers.uscc("91421100MA49R8L7X")
    let usccJuice = DemoIdentifiers.uscc("91420100MA4K9T5B2")
    let usccLiquor = DemoIdentifiers.uscc("91500000MA60C1D3E")
    let usccDeveloper = DemoIdentifiers.uscc("91420100177658432")
    let usccProperty = DemoIdentifiers.uscc("91420600MA48Y2W6H")
    let usccShop = DemoIdentifiers.uscc("92420103MA4E7N8P5")
    let idOuyang = DemoIdentifiers.idNumber("42060219780314051")
    let idSima = DemoIdentifiers.idNumber("42010619900827232")
    let cardOuyang = DemoIdentifiers.card("622202123456789012")

    func insertAll() throws {
        try insertMeta()
        try insertSubjects()
        try insertCases()
        try insertReports()
        try insertRecords()
        try insertLists()
        try insertCommitments()
        try insertFollowUps()
    }

    func insertMeta() throws {
        for (key, value) in [
            ("format", "credit-disclosure-snapshot"), ("version", "1"),
            ("exported_at", "\(day(0))T00:30:00+08:00"), ("source", "演示市公共信用信息平台（演示数据）"),
            ("region_code", "420000"), ("demo", "true"),
        ] {
            try insert("snapshot_meta", ["key": key, "value": value])
        }
    }

    func insertSubjects() throws {
        let subjects: [[String: (any DatabaseValueConvertible)?]] = [
            ["id": "S-DENTAL", "kind": "legal_person", "name": "襄阳皓齿口腔医疗管理有限公司", "uscc": usccDental,
             "legal_representative": "周建国", "region_code": "420606", "address": "湖北省襄阳市樊城区人民路88号",
             "phone": "0710-3345678"],
            ["id": "S-HOSPITAL", "kind": "legal_person", "name": "黄冈仁和医院有限公司", "uscc": usccHospital,
             "legal_representative": "陈立平", "region_code": "421102", "address": "湖北省黄冈市黄州区东门路16号",
             "phone": "0713-8812345"],
            ["id": "S-JUICE", "kind": "legal_person", "name": "武汉果然康商贸有限公司", "uscc": usccJuice,
             "legal_representative": "刘红梅", "region_code": "420103", "address": "湖北省武汉市江汉区建设大道568号",
             "phone": "027-85551234"],
            ["id": "S-LIQUOR", "kind": "legal_person", "name": "重庆醇香坊酒业有限公司", "uscc": usccLiquor,
             "legal_representative": "赵德胜", "region_code": "500105", "address": "重庆市江北区建新北路9号"],
            ["id": "S-DEVELOPER", "kind": "legal_person", "name": "武汉金域湖畔置业发展有限公司", "uscc": usccDeveloper,
             "legal_representative": "孙海涛", "region_code": "420115", "address": "湖北省武汉市江夏区文化大道1号"],
            ["id": "S-PROPERTY", "kind": "legal_person", "name": "襄阳诚信安居物业服务有限公司", "uscc": usccProperty,
             "legal_representative": "马丽", "region_code": "420602", "address": "湖北省襄阳市襄城区檀溪路20号"],
            ["id": "S-SHOP", "kind": "individual_business", "name": "武汉市江汉区李记烟酒商行", "uscc": usccShop,
             "legal_representative": "李大海", "region_code": "420103",
             "address": "湖北省武汉市江汉区新华路218号附3号", "phone": "13907191234"],
            ["id": "S-OUYANG", "kind": "natural_person", "name": "欧阳志强", "id_number": idOuyang,
             "region_code": "420602", "address": "湖北省襄阳市襄城区古城街道北街12号3单元501室",
             "phone": "13872251234"],
            ["id": "S-SIMA", "kind": "natural_person", "name": "司马晓东", "id_number": idSima,
             "region_code": "420106", "address": "湖北省武汉市武昌区中北路77号", "phone": "18602741234"],
        ]
        for subject in subjects { try insert("subjects", subject) }
    }

    func insertCases() throws {
        let cases: [[String: (any DatabaseValueConvertible)?]] = [
            ["id": "3-1", "title": "不法口腔医疗机构非法集资涉案总金额达 2 亿 4500 万", "region": "湖北襄阳",
             "reported_on": day(-210), "source": "中新网", "source_url": "https://www.chinanews.com.cn/",
             "domain": "医疗卫生", "tags": #"["非法集资"]"#,
             "summary_md": "媒体报道，襄阳市某口腔医疗机构以“种植牙分红”“入股诊所”为名向社会公众吸收资金，涉案总金额达 2 亿 4500 万元。\n\n经查，实际控制人欧阳志强（身份证号 \(idOuyang)，联系电话 138 7225 1234）组织实施集资活动。"],
            ["id": "5-1", "title": "医院手术中涨价, 患者疼痛难忍告知银行卡密码", "region": "湖北黄冈",
             "reported_on": day(-180), "source": "人民网", "domain": "医疗卫生", "tags": #"["医疗收费"]"#,
             "summary_md": "患者王某在黄冈某医院接受手术期间，院方临时加收费用，患者疼痛难忍之下告知家属银行卡密码。"],
            ["id": "27-1", "title": "“洋果汁治百病”? 然健康环球涉嫌传销大起底", "region": "湖北武汉",
             "reported_on": day(-150), "source": "财经网", "domain": "市场监管",
             "proposed_action": "建议列入重点关注案例, 持续跟踪", "tags": #"["持续追踪", "传销"]"#,
             "summary_md": "媒体报道某企业以“果汁治百病”为噱头发展会员、层层计酬，涉嫌传销。"],
            ["id": "33-2", "title": "飞天茅台价格“失控”假酒泛滥 造假手段不断翻新", "region": "浙江、湖北、湖南、重庆、甘肃",
             "reported_on": day(-120), "source": "中国经济网", "domain": "食品药品", "tags": #"["假酒"]"#,
             "summary_md": "多地出现假冒高端白酒，造假手段不断翻新。"],
            ["id": "36-3", "title": "买了 4 年多的别墅一天没住就要拆, 原来是开发商破产重整后另行开发, 购房者只获退已交房款",
             "region": "湖北武汉", "reported_on": day(-90), "source": "新华社", "domain": "房地产", "tags": "[]",
             "summary_md": "购房者购买别墅 4 年多未能入住，开发商破产重整后项目另行开发，购房者仅获退已交房款。"],
        ]
        for item in cases { try insert("cases", item) }
        for (caseID, subjectID, role) in [
            ("3-1", "S-DENTAL", "responsible"), ("3-1", "S-OUYANG", "responsible"), ("5-1", "S-HOSPITAL", "responsible"),
            ("27-1", "S-JUICE", "responsible"), ("33-2", "S-LIQUOR", "responsible"), ("33-2", "S-SHOP", "involved"),
            ("36-3", "S-DEVELOPER", "responsible"),
        ] {
            try insert("case_subjects", ["case_id": caseID, "subject_id": subjectID, "role": role])
        }
    }

    func report(
        _ id: String, case caseID: String, title: String, lead: String, agency: String? = nil, methods: String,
        conclusion: String, measures: String, body: String, concluded: Int, supersedes: String? = nil,
        status: String = "approved", approved: Int?, scope: String = "public"
    ) throws {
        try insert("verification_reports", [
            "id": id, "case_id": caseID, "title": title, "lead_department": lead, "service_agency": agency,
            "methods": methods, "conclusion": conclusion, "measures": measures, "body_md": body,
            "concluded_on": day(concluded), "supersedes": supersedes, "review_status": status,
            "approved_on": approved.map(day), "scope": scope,
        ])
    }

    func insertReports() throws {
        try report(
            "VR-3-1", case: "3-1", title: "关于襄阳皓齿口腔医疗管理有限公司非法集资案例的核查报告",
            lead: "襄阳市发展和改革委员会", agency: "湖北省信用服务机构（演示）", methods: #"["访谈", "函询", "大数据分析核验", "现场调查"]"#,
            conclusion: "confirmed", measures: #"["blacklist", "interview", "rectification"]"#,
            body: """
                ## 核查经过

                核查组于现场调查中调取了集资协议 312 份，并与实际控制人欧阳志强进行了访谈。

                - 涉案金额：2 亿 4500 万元；
                - 收款账户：\(cardOuyang)（欧阳志强个人账户）；
                - 联系电话：+86 138-7225-1234，邮箱 ouyang.zq@example.com。

                ## 核查结论

                媒体报道**属实**。襄阳皓齿口腔医疗管理有限公司（统一社会信用代码 \(usccDental)）已被依法列入严重失信主体名单。
                """,
            concluded: -160, approved: -150)
        try report(
            "VR-5-1", case: "5-1", title: "关于黄冈仁和医院手术中加价问题的核查报告", lead: "黄冈市发展和改革委员会",
            methods: #"["访谈", "现场调查"]"#, conclusion: "confirmed", measures: #"["rectification", "repair_guidance"]"#,
            body: "经核查，黄冈仁和医院有限公司在手术过程中临时加收费用情况属实。黄冈市卫生健康委员会已对该院给予警告并处罚款 3000 元。\n\n患者王某的诊疗费用已退还。",
            concluded: -140, approved: -130)
        try report(
            "VR-27-1", case: "27-1", title: "关于武汉果然康商贸有限公司涉嫌传销案例的核查报告", lead: "武汉市市场监督管理局",
            methods: #"["座谈", "问卷调查"]"#, conclusion: "partially_confirmed", measures: #"["watchlist"]"#,
            body: "经核查，该公司存在夸大宣传情况，传销问题尚待公安机关认定。", concluded: -110, approved: -100)
        try report(
            "VR-27-1-R", case: "27-1", title: "关于武汉果然康商贸有限公司涉嫌传销案例的核查报告（更正）",
            lead: "武汉市市场监督管理局", methods: #"["座谈", "问卷调查", "大数据分析核验"]"#,
            conclusion: "partially_confirmed", measures: #"["watchlist", "interview"]"#,
            body: "经补充核查，该公司存在夸大宣传、虚假宣传“治百病”功效的情况，已列入重点关注名单并持续跟踪；传销问题已移送公安机关。",
            concluded: -60, supersedes: "VR-27-1", approved: -55)
        try report(
            "VR-33-2", case: "33-2", title: "关于重庆醇香坊酒业有限公司生产销售假冒白酒的核查报告", lead: "重庆市市场监督管理局",
            methods: #"["现场调查", "函询"]"#, conclusion: "confirmed", measures: #"["blacklist"]"#,
            body: "经核查，该公司生产、销售假冒“飞天茅台”白酒属实，其勾兑配方为食用酒精与香精按 3:1 比例调配。武汉市江汉区李记烟酒商行（经营者李大海）从该公司进货销售。",
            concluded: -80, approved: -75)
        try report(
            "VR-36-3", case: "36-3", title: "关于武汉金域湖畔置业发展有限公司别墅项目的核查报告", lead: "武汉市住房和城市更新局",
            methods: #"["访谈", "座谈", "现场调查"]"#, conclusion: "partially_confirmed", measures: #"["interview", "rectification"]"#,
            body: "经核查，该项目因开发商破产重整另行开发属实；购房者权益保障方案正在落实，已责令限期整改。",
            concluded: -40, approved: -30)
        try report(
            "VR-36-3-DRAFT", case: "36-3", title: "关于别墅项目购房者补偿情况的补充核查报告（草稿）",
            lead: "武汉市住房和城市更新局", methods: #"["访谈"]"#, conclusion: "confirmed", measures: "[]",
            body: "草稿，尚未审核。", concluded: -5, status: "pending", approved: nil)
        try report(
            "VR-33-2-INTERNAL", case: "33-2", title: "关于假冒白酒案件线索的内部核查报告",
            lead: "重庆市市场监督管理局", methods: #"["大数据分析核验"]"#, conclusion: "confirmed", measures: "[]",
            body: "涉及案件侦查线索，不宜公开。", concluded: -70, approved: -68, scope: "internal")
    }
}
