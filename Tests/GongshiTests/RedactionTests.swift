import CreditVocabulary
import DemoSnapshot
import Markdown
import Redaction
import SnapshotModel
import Testing

/// A redactor over people and organisations typical of the tests.
func makeRedactor(_ build: (inout Snapshot) -> Void = { _ in }) -> Redactor {
    let snapshot = Fixtures.snapshot(subjects: [
        SubjectRow(id: "P1", kind: .naturalPerson, name: "王小明", idNumber: "11010519491231002X",
                   address: "福建省福州市鼓楼区五四路123号3单元401室", phone: "13812345678"),
        SubjectRow(id: "P2", kind: .naturalPerson, name: "欧阳娜娜"),
        SubjectRow(id: "P3", kind: .naturalPerson, name: "张伟"),
        SubjectRow(id: "B1", kind: .individualBusiness, name: "福州市鼓楼区李记小吃店", uscc: "92350102MA2XXXXX1D",
                   legalRepresentative: "李大海", address: "福建省福州市鼓楼区东街口1号"),
        SubjectRow(id: "C1", kind: .legalPerson, name: "张伟科技有限公司", uscc: "91350100M000100Y43",
                   legalRepresentative: "陈明", address: "福建省福州市鼓楼区五一路8号", phone: "0591-87654321"),
    ], build: build)
    return Redactor(snapshot: snapshot, slugKey: Array("test-slug-key-0123456789".utf8))
}

func redact(_ text: String, markdown: Bool = false, redactor: Redactor = makeRedactor(),
            row: RowRef = RowRef(.records, "R1"), field: String = "facts_md") -> (String, RedactionLog) {
    var log = RedactionLog()
    let result: RedactedText = redactor.text(text, row: row, field: field, markdown: markdown, log: &log)
    return (result.value, log)
}

@Suite("Redaction: what a redactor is made from")
struct RedactorSourceTests {
    @Test("a redactor's source matches a snapshot only when its subjects, invalid names and overrides are equal")
    func sourceMatches() {
        let base = Fixtures.snapshot(subjects: [SubjectRow(id: "P1", kind: .naturalPerson, name: "王小明")])
        let source = Redactor.Source(base)
        #expect(source.matches(base))
        var records = base
        records.records = [Fixtures.record()]  // rows the redactor does not read
        #expect(source.matches(records))
        var renamed = base
        renamed.subjects[0].name = "王小红"
        #expect(!source.matches(renamed))
        var invalid = base
        invalid.namesOfInvalidSubjects = ["李四"]
        #expect(!source.matches(invalid))
        var overridden = base
        overridden.overrides = [RedactionOverrideRow(
            id: "O1", target: RowRef(.records, "R1"), field: "facts_md", phrase: "秘方", reason: .tradeSecret, replacement: nil)]
        #expect(!source.matches(overridden))
    }
}

@Suite("Redaction: free text")
struct FreeTextRedactionTests {
    @Test("ID numbers keep their first and last four characters", arguments: [
        ("身份证号11010519491231002X。", "身份证号1101**********002X。"),
        ("身份证 110105 19491231 002X 已核实", "身份证 1101**********002X 已核实"),
        ("号码：1101 0519 4912 3100 2X", "号码：1101**********002X"),
        ("旧号码110105491231002。", "旧号码1101*******1002。"),
        ("１１０１０５１９４９１２３１００２X", "1101**********002X"),
        // Checksum fails but the birth date is real: still masked (a typo does not make it public).
        ("证件110105194912310021", "证件1101**********0021"),
    ])
    func idNumbers(input: String, expected: String) {
        let (output, log) = redact(input)
        #expect(output == expected)
        #expect(log.events.allSatisfy { $0.rule == .idNumber })
        #expect(log.events.count == 1)
    }

    @Test("mobile numbers, with +86, spaces or dashes", arguments: [
        ("电话13812345678", "电话138****5678"), ("+86 138 1234 5678", "138****5678"), ("138-1234-5678。", "138****5678。"),
        ("8613812345678", "138****5678"), ("联系人:139 0719 1234", "联系人:139****1234"),
    ])
    func mobiles(input: String, expected: String) {
        #expect(redact(input).0 == expected)
    }

    @Test("landlines", arguments: [
        ("电话0591-87654321", "电话0591-****"), ("010-12345678转", "010-****转"), ("027 8555 1234", "027-****"),
    ])
    func landlines(input: String, expected: String) {
        #expect(redact(input).0 == expected)
    }

    @Test("bank cards pass Luhn", arguments: [
        ("账户6222021234567890128。", "账户6222 **** **** 0128。"), ("卡号 4111 1111 1111 1111", "卡号 4111 **** **** 1111"),
    ])
    func cards(input: String, expected: String) {
        #expect(redact(input).0 == expected)
    }

    @Test("numbers that are nothing personal stay", arguments: [
        "罚款 3000 元", "2026-01-15 决定", "涉案金额 245000000 元", "第 12 号", "4111111111111112",
    ])
    func harmless(input: String) {
        #expect(redact(input).0 == input)
    }

    @Test("a USCC is public and never taken for an ID number or a card")
    func usccs() {
        // Known subject USCC, an unknown valid USCC, and an all-digit valid USCC.
        let allDigits = "913501001234567890"
        let valid = IdentifierChecksum.isValidUSCC(allDigits)
        for text in ["统一社会信用代码91350100M000100Y43", "代码92350102MA2XXXXX1D（个体）", "其他代码 91110000100006385D"] {
            #expect(redact(text).0 == text)
        }
        if valid { #expect(redact("代码\(allDigits)").0 == "代码\(allDigits)") }
    }

    @Test("e-mail addresses")
    func emails() {
        #expect(redact("邮箱 zhangsan@example.com。").0 == "邮箱 z***@example.com。")
        #expect(redact("a.b-c@mail.example.gov.cn").0 == "a***@mail.example.gov.cn")
        #expect(redact("@某某 发表").0 == "@某某 发表")
    }

    @Test("natural persons' names are masked, compound surnames kept, organisation names protected")
    func names() {
        #expect(redact("当事人王小明未到场").0 == "当事人王某未到场")
        #expect(redact("欧阳娜娜签字").0 == "欧阳某签字")
        #expect(redact("张伟科技有限公司的员工张伟").0 == "张伟科技有限公司的员工张某")
        #expect(redact("经营者李大海").0 == "经营者李某")
        #expect(redact("福州市鼓楼区李记小吃店").0 == "福州市鼓楼区李记小吃店")
    }

    @Test("home addresses below the county level are hidden")
    func addresses() {
        #expect(redact("住址福建省福州市鼓楼区五四路123号3单元401室").0 == "住址福建省福州市鼓楼区［详细地址已隐去］")
        #expect(redact("住在五四路123号附近").0 == "住在［详细地址已隐去］附近")
    }

    @Test("masks in Markdown are escaped so that they never become emphasis")
    func markdownEscaping() {
        var log = RedactionLog()
        let text: RedactedText = makeRedactor().text(
            "电话 13812345678 和 13912345678", row: RowRef(.records, "R1"), field: "facts_md", markdown: true, log: &log)
        let html = MarkdownRenderer.render(text).html
        #expect(html.contains("138****5678"))
        #expect(html.contains("139****5678"))
        #expect(!html.contains("<em>"))
    }

    @Test("every replacement is logged with row, field, rule and offset")
    func log() {
        let (_, log) = redact("王小明，电话13812345678")
        #expect(log.events == [
            RedactionEvent(row: RowRef(.records, "R1"), field: "facts_md", rule: .personName, offset: 0, length: 3),
            RedactionEvent(row: RowRef(.records, "R1"), field: "facts_md", rule: .mobile, offset: 6, length: 11),
        ])
    }
}

@Suite("Redaction: overrides")
struct OverrideTests {
    let redactor = makeRedactor {
        $0.overrides = [
            RedactionOverrideRow(id: "O1", target: RowRef(.records, "R1"), field: "facts_md", phrase: "秘方A", reason: .tradeSecret),
            RedactionOverrideRow(id: "O2", target: RowRef(.records, "R1"), field: "outcome", phrase: "某工厂", reason: .personalData,
                                 replacement: "［某处］"),
            RedactionOverrideRow(id: "O3", target: RowRef(.records, "R2"), field: "facts_md", phrase: "国家项目", reason: .stateSecret),
        ]
    }

    @Test("an override applies to its own row and field only")
    func exactRowAndField() {
        #expect(redact("使用秘方A生产", redactor: redactor).0 == "使用［商业秘密已隐去］生产")
        #expect(redact("使用秘方A生产", redactor: redactor, row: RowRef(.records, "R9")).0 == "使用秘方A生产")
        #expect(redact("使用秘方A生产", redactor: redactor, field: "basis").0 == "使用秘方A生产")
        #expect(redact("位于某工厂", redactor: redactor, field: "outcome").0 == "位于［某处］")
        #expect(redact("涉及国家项目", redactor: redactor, row: RowRef(.records, "R2")).0 == "涉及［国家秘密已隐去］")
        #expect(redact("使用秘方A生产", redactor: redactor).1.events.first?.rule == .override)
    }
}

@Suite("Redaction: structured fields and paths")
struct StructuredRedactionTests {
    let redactor = makeRedactor()

    func subject(_ row: SubjectRow) -> (PublicSubject, RedactionLog) {
        var log = RedactionLog()
        return (redactor.subject(row, log: &log), log)
    }

    @Test("a natural person: masked name, county-level address, no phone, no ID, slug from a keyed hash")
    func naturalPerson() {
        let row = SubjectRow(id: "P1", kind: .naturalPerson, name: "王小明", idNumber: "11010519491231002X",
                             address: "福建省福州市鼓楼区五四路123号3单元401室", phone: "13812345678")
        let (person, log) = subject(row)
        #expect(person.name.value == "王某")
        #expect(person.address?.value == "福建省福州市鼓楼区")
        #expect(person.uscc == nil && person.legalRepresentative == nil)
        #expect(person.slug.hasPrefix("p-") && person.slug.count == 18)
        #expect(!person.slug.contains("王") && !person.slug.contains("P1") && !person.slug.contains("110105"))
        #expect(Set(log.events.map(\.rule)) == [.maskedNameField, .countyAddress, .hiddenField])
        let other = Redactor(snapshot: Fixtures.snapshot(subjects: [row]), slugKey: Array("another-key-0123456789".utf8))
        var otherLog = RedactionLog()
        #expect(other.subject(row, log: &otherLog).slug != person.slug)
    }

    @Test("an individual business: name and USCC shown, operator masked, address county-level")
    func individualBusiness() {
        let (shop, _) = subject(SubjectRow(id: "B1", kind: .individualBusiness, name: "福州市鼓楼区李记小吃店",
                                           uscc: "92350102MA2XXXXX1D", legalRepresentative: "李大海",
                                           address: "福建省福州市鼓楼区东街口1号", phone: "13800000000"))
        #expect(shop.name.value == "福州市鼓楼区李记小吃店")
        #expect(shop.uscc?.value == "92350102MA2XXXXX1D")
        #expect(shop.legalRepresentative?.value == "李某")
        #expect(shop.address?.value == "福建省福州市鼓楼区")
        #expect(shop.slug == "92350102MA2XXXXX1D")
    }

    @Test("a legal person: everything but the phone is shown")
    func legalPerson() {
        let (company, log) = subject(SubjectRow(id: "C1", kind: .legalPerson, name: "张伟科技有限公司", uscc: "91350100M000100Y43",
                                                legalRepresentative: "陈明", address: "福建省福州市鼓楼区五一路8号", phone: "0591-87654321"))
        #expect(company.legalRepresentative?.value == "陈明")
        #expect(company.address?.value == "福建省福州市鼓楼区五一路8号")
        #expect(company.slug == "91350100M000100Y43")
        #expect(log.events.map(\.rule) == [.hiddenField])
    }

    @Test("compound surnames and odd names", arguments: [
        ("王小明", "王某"), ("欧阳娜娜", "欧阳某"), ("司马光", "司马某"), ("诸葛亮", "诸葛某"), ("上官婉儿", "上官某"),
        ("皇甫嵩", "皇甫某"), ("司马", "司某"), ("李", "某"), ("买买提·艾力", "买某"),
    ])
    func nameMask(name: String, masked: String) {
        #expect(NameMask.mask(name) == masked)
    }

    @Test("county-level addresses", arguments: [
        ("福建省福州市鼓楼区五四路123号", "福建省福州市鼓楼区"), ("浙江省义乌市稠城街道工人路1号", "浙江省义乌市"),
        ("湖北省武汉市江汉区新华路218号", "湖北省武汉市江汉区"), ("内蒙古自治区呼和浩特市新城区xx路", "内蒙古自治区呼和浩特市新城区"),
        ("福建省闽侯县上街镇", "福建省闽侯县"),
    ])
    func county(address: String, expected: String) {
        #expect(CountyAddress.truncate(address) == expected)
    }

    @Test("an address with no county-level unit is not shown at all")
    func unknownAddress() {
        #expect(CountyAddress.truncate("五四路123号幸福小区3栋") == nil)
    }

    /// The first, prefix-by-prefix cut, kept as the reference the one-pass cut must match.
    private func prefixWiseTruncate(_ address: String) -> String? {
        let countySuffixes: Set<Character> = ["区", "县", "旗"]
        let belowCounty = ["街道", "镇", "乡", "路", "街", "道", "巷", "村", "号", "弄", "苑", "小区", "大厦", "社区"]
        let characters = Array(address.filter { !$0.isWhitespace })
        var cut: Int?
        for (index, character) in characters.enumerated() where countySuffixes.contains(character) {
            let prefix = String(characters[0...index])
            if prefix.hasSuffix("自治区") { continue }
            if belowCounty.contains(where: { prefix.contains($0) }) { break }
            cut = index
            break
        }
        if cut == nil {
            for (index, character) in characters.enumerated() {
                let prefix = String(characters[0...index])
                if belowCounty.contains(where: { prefix.hasSuffix($0) }) { break }
                if character == "市" { cut = index }
            }
        }
        guard let cut, cut >= 1 else { return nil }
        return String(characters[0...cut])
    }

    @Test("the one-pass county cut matches the prefix-by-prefix one on generated addresses")
    func countyCutMatchesReference() {
        let pieces = ["湖北省", "武汉市", "江岸区", "内蒙古自治区", "自治", "区", "县", "旗", "市", "义乌", "街道", "镇", "乡",
                      "路", "街", "道", "巷", "村", "号", "弄", "苑", "小区", "大厦", "社区", "幸福", "12", " ", "\u{301}",
                      "e\u{301}", "社", "大", "小", "自", "治"]
        var generator = SeededGenerator(state: 11)
        var cut = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...7, using: &generator)
            let address = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected: String? = prefixWiseTruncate(address)
            #expect(CountyAddress.truncate(address) == expected, "\(address.debugDescription)")
            if expected != nil { cut += 1 }
        }
        #expect(cut > 2_000)
    }

    @Test("path segments: safe ids as they are, anything else hashed", arguments: [
        ("REC-001", "REC-001"), ("27-1", "27-1"), ("a_b", "a_b"),
    ])
    func safeIDs(id: String, segment: String) {
        #expect(PublicPath.segment(forRowID: id) == segment)
    }

    @Test("path-unsafe ids and ids holding personal data become x- and 16 hex digits", arguments: [
        "../etc/passwd", "记录1", "-leading", "a b", "a/b", "", "R-11010519491231002X", "<script>",
    ])
    func unsafeIDs(id: String) {
        let segment = PublicPath.segment(forRowID: id)
        #expect(segment.hasPrefix("x-") && segment.count == 18)
        #expect(segment.dropFirst(2).allSatisfy { $0.isHexDigit })
    }
}
