import Audit
import BuildPipeline
import SiteOutput
import CreditVocabulary
import Foundation
import Messages
import GRDB
@testable import Markdown
import SearchIndex
import Redaction
import SnapshotModel
import Testing

/// The people of the planted-forms tests: the names ``PlantedForms`` writes in its forms.
func plantedFormsRedactor() -> Redactor {
    let snapshot = Fixtures.snapshot(subjects: [
        SubjectRow(id: "P1", kind: .naturalPerson, name: PlantedForms.name, idNumber: PlantedForms.idNumberX),
        SubjectRow(id: "P2", kind: .naturalPerson, name: PlantedForms.compoundName),
        SubjectRow(id: "P4", kind: .naturalPerson, name: PlantedForms.romanName),
        SubjectRow(id: "B1", kind: .individualBusiness, name: "福州市鼓楼区小吃店", uscc: "92350102MA2Y3Q4R5W",
                   legalRepresentative: PlantedForms.operatorName),
        SubjectRow(id: "C1", kind: .legalPerson, name: "福州某某科技有限公司", uscc: "91350100M000100Y43"),
    ])
    return Redactor(snapshot: snapshot, slugKey: Array("test-slug-key-0123456789".utf8))
}

/// Where in `pieces` the planted value can be read, for a failure message (never empty = leak).
private func readable(_ form: PlantedForm, in pieces: [String]) -> Bool {
    let key = ReaderText.key(form.value)
    return pieces.contains { $0.contains(key) }
}

@Suite("Redaction: personal data in the forms real documents write it")
struct PlantedFormsTests {
    static let redactor = plantedFormsRedactor()

    /// A form between two clauses, redacted as `field` of a record, and its log.
    static func redacted(_ form: PlantedForm, markdown: Bool) -> (RedactedText, RedactionLog) {
        var log = RedactionLog()
        let text: RedactedText = redactor.text("经查，" + form.text + "，特此说明。", row: RowRef(.records, "R1"),
                                               field: markdown ? "facts_md" : "outcome", markdown: markdown, log: &log)
        return (text, log)
    }

    @Test("the corpus is what the issue asks for: several hundred forms of every kind")
    func corpus() {
        #expect(PlantedForms.all.count >= 200)
        #expect(Set(PlantedForms.all.map(\.label)).count == PlantedForms.all.count)
        // Every form is one a reader recovers the value from when nothing is masked.
        for form in PlantedForms.all {
            let html = MarkdownRenderer.renderHTML("经查，" + form.text + "，特此说明。")
            #expect(readable(form, in: ReaderText.pieces(path: "a.html", Data(html.utf8))), "\(form)")
            if !form.markdownOnly {
                #expect(readable(form, in: [ReaderText.key(form.text)]), "\(form)")
            }
        }
    }

    @Test("a Markdown field: the rendered page holds the value in no form", arguments: PlantedForms.all)
    func markdownField(_ form: PlantedForm) {
        let (text, log) = Self.redacted(form, markdown: true)
        let html = MarkdownRenderer.render(text).html
        #expect(!readable(form, in: ReaderText.pieces(path: "a.html", Data(html.utf8))), "\(form): \(text.value)")
        #expect(html.contains("经查") && html.contains("特此说明"), "\(form): the text around it stays")
        #expect(!log.events.isEmpty, "\(form): the replacement is logged")
    }

    @Test("a plain field: the escaped text holds the value in no form",
          arguments: PlantedForms.all.filter { !$0.markdownOnly })
    func plainField(_ form: PlantedForm) {
        let (text, log) = Self.redacted(form, markdown: false)
        let html = SafeHTML.escaping(text).html
        #expect(!readable(form, in: ReaderText.pieces(path: "a.html", Data(html.utf8))), "\(form): \(text.value)")
        #expect(!log.events.isEmpty, "\(form)")
    }

    @Test("the last check refuses every form of a value it knows when the redactor is bypassed",
          arguments: PlantedForms.all.filter { !$0.isUnknownName })
    func guardRefusesBypass(_ form: PlantedForm) {
        let check = Self.redactor.outputGuard(allowing: [])
        let page = "<!doctype html><main><p>" + MarkdownRenderer.renderHTML("经查，" + form.text + "，特此说明。") + "</p></main>"
        #expect(!check.check("records/R1/index.html", Array(page.utf8)).isEmpty, "\(form)")
    }

    @Test("the last check passes what the redactor made of every form", arguments: PlantedForms.all)
    func guardPassesRedacted(_ form: PlantedForm) {
        let (text, _) = Self.redacted(form, markdown: true)
        let page = "<!doctype html><main>" + MarkdownRenderer.render(text).html + "</main>"
        let findings = Self.redactor.outputGuard(allowing: []).check("records/R1/index.html", Array(page.utf8))
        #expect(findings.isEmpty, "\(form): \(findings) in \(text.value)")
    }
}

/// A snapshot with every planted form in a Markdown column and a plain one of its own record,
/// and in a third column that rotates over the other tables, plus values typed into
/// structured columns: an ID number as a USCC, a phone in an address, a name in an authority.
struct PlantedFormsSnapshot {
    /// Where each form was planted: table, row, column.
    var placements: [(form: PlantedForm, table: String, row: String, column: String)] = []
    let file: TestSnapshotFile

    init(at path: String) throws {
        file = try TestSnapshotFile(at: path)
        try file.subject("P1", kind: "natural_person", name: PlantedForms.name, ["id_number": PlantedForms.idNumberX])
        try file.subject("P2", kind: "natural_person", name: PlantedForms.compoundName)
        try file.subject("P4", kind: "natural_person", name: PlantedForms.romanName)
        try file.subject("B1", kind: "individual_business", name: "福州市鼓楼区小吃店", [
            "legal_representative": PlantedForms.operatorName, "uscc": "92350102MA2Y3Q4R5W"])
        try file.subject("C1", name: "福州某某科技有限公司", ["uscc": "91350100M000100Y43",
                                                    "address": "福建省福州市鼓楼区五一路8号（电话138 1234 5678）"])
        // An ID number typed into the uscc column: the subject is withheld, never a slug.
        try file.subject("C9", name: "福州九号贸易有限公司", ["uscc": PlantedForms.idNumber])
        try file.record("R-C9", subject: "C9")
        try file.caseRow("K1")
        try file.insert("case_subjects", ["case_id": "K1", "subject_id": "C1", "role": "involved"])
        try file.report("V1", case: "K1")
        try file.record("R-AUTH", subject: "C1", [
            "authority": "福州市鼓楼区市场监督管理局（经办人\(PlantedForms.name)）",
            "document_no": "榕鼓市监罚〔2026〕1号，联系电话 \(PlantedForms.mobile)"])
        for (index, form) in PlantedForms.all.enumerated() {
            let text = "第\(index)项：" + form.text + "。"
            let record = "R-F\(index)"
            var columns: [String: (any DatabaseValueConvertible)?] = ["facts_md": text]
            place(form, "records", record, "facts_md")
            if !form.markdownOnly {
                columns["outcome"] = text
                place(form, "records", record, "outcome")
            }
            try file.record(record, subject: "C1", columns)
            switch index % 6 {
            case 0:
                try file.listEntry("L-F\(index)", subject: "C1", ["reason_md": text])
                place(form, "list_entries", "L-F\(index)", "reason_md")
            case 1:
                try file.commitment("M-F\(index)", subject: "C1", ["body_md": text])
                place(form, "commitments", "M-F\(index)", "body_md")
            case 2:
                try file.insert("interviews", ["id": "I-F\(index)", "record_id": record, "kind": "warning",
                                               "held_on": "2026-02-01", "summary_md": text, "scope": "public"])
                place(form, "interviews", "I-F\(index)", "summary_md")
            case 3:
                try file.insert("rectifications", ["id": "T-F\(index)", "record_id": record, "requirement_md": text,
                                                   "deadline": "2026-06-01", "status": "open"])
                place(form, "rectifications", "T-F\(index)", "requirement_md")
            case 4:
                try file.report("V-F\(index)", case: "K1", ["body_md": text])
                place(form, "verification_reports", "V-F\(index)", "body_md")
            default:
                guard !form.markdownOnly else { continue }
                try file.subject("C-F\(index)", name: "福州第\(index)贸易有限公司", ["address": "福建省福州市鼓楼区" + text])
                try file.record("R-S\(index)", subject: "C-F\(index)")
                place(form, "subjects", "C-F\(index)", "address")
            }
        }
    }

    private mutating func place(_ form: PlantedForm, _ table: String, _ row: String, _ column: String) {
        placements.append((form, table, row, column))
    }
}

@Suite("gongshi build: planted personal data in every form and column")
struct PlantedFormsBuildTests {
    let asOf = CivilDate(iso: "2026-03-01")!

    @Test("no planted value reaches any output file in any form; the pages around them are there; the audit is silent")
    func wholeSnapshot() async throws {
        let fixture = try SiteFixture()
        let planted = try PlantedFormsSnapshot(at: fixture.snapshotPath())
        #expect(planted.placements.count >= 250)
        #expect(Set(planted.placements.map { "\($0.table).\($0.column)" }).count >= 8)
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: asOf))
        let files = try outputFiles(fixture.out)
        #expect(files.count > 400, "the pages and the search index")
        let pieces = files.map { (path: $0.key, pieces: ReaderText.pieces(path: $0.key, $0.value)) }
        var leaks: [String] = []
        for form in Set(planted.placements.map(\.form.label)).sorted() {
            let value = planted.placements.first { $0.form.label == form }!.form.value
            let key = ReaderText.key(value)
            for file in pieces where file.pieces.contains(where: { $0.contains(key) }) {
                leaks.append("\(form) in \(file.path)")
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks: \(leaks.prefix(40))")
        // The rows are published, masked: every planted record's page, with its marker.
        for index in PlantedForms.all.indices {
            let page = files["records/R-F\(index)/index.html"].map { String(decoding: $0, as: UTF8.self) }
            #expect(page?.contains("第\(index)项") == true, "records/R-F\(index)")
        }
        #expect(files.keys.contains { $0.hasPrefix("records/R-AUTH/") })
        // The subject whose uscc is an ID number is withheld with its record.
        #expect(!files.keys.contains { $0.hasPrefix("records/R-C9/") })
        let findings = try SiteAuditor.audit(snapshot: fixture.snapshotPath(), out: fixture.out, site: fixture.site,
                                             asOf: asOf, audience: .public)
        #expect(findings.isEmpty, "\(findings.prefix(20))")
    }

    @Test("the audit finds every form planted by hand in a page, and names neither value nor form")
    func auditFindsPlanted() async throws {
        let fixture = try SiteFixture()
        let planted = try PlantedFormsSnapshot(at: fixture.snapshotPath())
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: asOf))
        let folder = URL(fileURLWithPath: fixture.out).appendingPathComponent("planted")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, form) in PlantedForms.all.enumerated() {
            let page = "<!doctype html><main>" + MarkdownRenderer.renderHTML("经查，" + form.text + "，特此说明。") + "</main>"
            try page.write(to: folder.appendingPathComponent("F\(index).html"), atomically: true, encoding: .utf8)
        }
        let findings = try SiteAuditor.audit(snapshot: fixture.snapshotPath(), out: fixture.out, site: fixture.site,
                                             asOf: asOf, audience: .public)
        let files = Set(findings.map(\.file))
        let missed = PlantedForms.all.indices.filter { !files.contains("planted/F\($0).html") }.map { PlantedForms.all[$0].label }
        #expect(missed.isEmpty, "the audit missed: \(missed)")
        #expect(!files.contains { !$0.hasPrefix("planted/") }, "\(findings.filter { !$0.file.hasPrefix("planted/") })")
        for finding in findings {
            for form in PlantedForms.all where finding.description.contains(form.value) {
                Issue.record("\(finding.file) repeats the value of \(form)")
            }
        }
        _ = planted
    }

    @Test("the audit finds a leak planted in each kind of file: page, d/ chunk, Han and word shards, feed, sitemap")
    func auditFindsEachFileKind() async throws {
        let fixture = try SiteFixture()
        _ = try PlantedFormsSnapshot(at: fixture.snapshotPath())
        try await SiteBuilder.build(BuildOptions(snapshot: fixture.snapshotPath(), site: fixture.site, out: fixture.out, asOf: asOf))
        let out = URL(fileURLWithPath: fixture.out)
        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = out.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "\(path) was not changed")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }
        func editJSON(_ path: String, _ change: (inout [String: Any]) -> Void) throws {
            let url = out.appendingPathComponent(path)
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
            change(&object)
            try JSONSerialization.data(withJSONObject: object).write(to: url)
        }
        // A page: an ID number in full-width digits.
        try edit("records/R-F0/index.html") { $0.replacingOccurrences(of: "</main>", with: "<p>３５０１０２１９９００３０７４５１５</p></main>") }
        // A d/ chunk: a mobile number, spaced, inside a snippet.
        try edit("search/d/0.json") { $0.replacingOccurrences(of: "第", with: "电话138 1234 5678第", options: [], range: $0.range(of: "第")) }
        // A Han shard: the pairs of a known name, pointing at the newest document.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("search/manifest.json"))) as? [String: Any]
        let shards = manifest?["hanShards"] as? Int ?? 0
        let newest = (manifest?["span"] as? Int ?? 0) - 1
        #expect(shards > 0 && newest > 0)
        for pair in ["王小", "小明"] {
            try editJSON("search/" + SearchShards.file(for: .han(pair), shardCount: shards)) { $0[pair] = [[newest], [Int]()] }
        }
        // A word shard: a card number as a term.
        let cardShard = "search/" + SearchShards.file(for: .word(PlantedForms.card, prefix: false), shardCount: shards)
        if !FileManager.default.fileExists(atPath: out.appendingPathComponent(cardShard).path) {
            try "{}".write(to: out.appendingPathComponent(cardShard), atomically: true, encoding: .utf8)
        }
        try editJSON(cardShard) { $0[PlantedForms.card] = [[0], [Int]()] }
        // The feed: an e-mail address in an item's title; the sitemap: an ID number in an address.
        try edit("feed.xml") { $0.replacingOccurrences(of: "<title>", with: "<title>zhangsan&#64;example.com ", options: [],
                                                        range: $0.range(of: "<title>")) }
        try edit("sitemap.xml") { $0.replacingOccurrences(of: "</urlset>", with:
            "<url><loc>https://credit.example.gov.cn/sxalhc/q/\(PlantedForms.idNumberX)/</loc></url></urlset>") }

        let findings = try SiteAuditor.audit(snapshot: fixture.snapshotPath(), out: fixture.out, site: fixture.site,
                                             asOf: asOf, audience: .public)
        let files = Set(findings.map(\.file))
        for file in ["records/R-F0/index.html", "search/d/0.json", cardShard, "feed.xml", "sitemap.xml"] {
            #expect(files.contains(file), "\(file): \(findings)")
        }
        #expect(findings.contains { $0.file == "search/" && $0.problem.coded(in: .english).contains("person_name") }, "\(findings)")
        #expect(files.count == 6, "\(findings)")
    }
}

@Suite("Audit: the leak scanner's names")
struct LeakScannerNameTests {
    @Test("a name found after a context word is a finding, except inside a public representative's name")
    func contextNameInsidePublicName() {
        let snapshot = Fixtures.snapshot(subjects: [
            SubjectRow(id: "C1", kind: .legalPerson, name: "兰州东洋商贸有限公司", uscc: "91350100M000100Y43",
                       legalRepresentative: "刘斌秀"),
        ])
        var scanner = LeakScanner(snapshot: snapshot)
        scanner.addFreeText("约谈企业负责人刘斌。", origin: "interviews[I1].summary_md", markdown: true)
        scanner.prepare()
        #expect(scanner.scan("约谈企业负责人刘斌。").map(\.rule) == ["context_name"])
        #expect(scanner.scan("法定代表人（负责人）刘斌秀").isEmpty)
        #expect(scanner.scan("约谈企业负责人刘某。").isEmpty)
    }
}

@Suite("Redaction: names that overlap organisations or are stored oddly")
struct NameEdgeTests {
    static let redactor: Redactor = {
        let snapshot = Fixtures.snapshot(subjects: [
            SubjectRow(id: "P1", kind: .naturalPerson, name: "许雨桐"),
            SubjectRow(id: "P2", kind: .naturalPerson, name: "王\u{200B}小明"),
            SubjectRow(id: "C1", kind: .legalPerson, name: "雨桐物业管理有限公司", uscc: "91350100M000100Y43"),
            SubjectRow(id: "C2", kind: .legalPerson, name: "许雨桐餐饮有限公司", uscc: "92350102MA2Y3Q4R5W"),
        ])
        return Redactor(snapshot: snapshot, slugKey: Array("test-slug-key-0123456789".utf8))
    }()

    func redacted(_ text: String) -> String {
        var log = RedactionLog()
        let result: RedactedText = Self.redactor.text(text, row: RowRef(.records, "R1"), field: "outcome", log: &log)
        return result.value
    }

    @Test("an organisation's name holding part of a person's name protects only itself")
    func organisationAroundName() {
        #expect(redacted("雨桐物业管理有限公司的员工许雨桐称") == "雨桐物业管理有限公司的员工许某称")
        #expect(redacted("许雨桐") == "许某")
        // A company named after the person keeps its name; the person alone does not.
        #expect(redacted("许雨桐餐饮有限公司法定代表人许雨桐") == "许雨桐餐饮有限公司法定代表人许某")
    }

    @Test("a name stored with a zero-width character is matched as it reads, in either form")
    func zeroWidthStoredName() {
        #expect(redacted("当事人王小明已缴纳罚款") == "当事人王某已缴纳罚款")
        #expect(redacted("当事人王\u{200B}小明已缴纳罚款") == "当事人王某已缴纳罚款")
    }
}
