@testable import BuildPipeline
import CreditVocabulary
import DemoSnapshot
import DisclosurePolicy
import Foundation
import PageModel
import Redaction
import SiteConfig
import SiteRender
import SnapshotModel
import SnapshotReader
import StableDigest
import Testing

/// The page cache names a page by the digest of its inputs. The inputs write their digest
/// bytes by hand (``DigestWritable``); the generic encoder, driven by the compiler's
/// `Encodable` conformances, is the reference they must match byte for byte, so that a
/// field left out of a hand-written digest (a page kept although it changed) fails here.
@Suite("Hand-written digest bytes equal the generic encoder's")
struct DigestWriterTests {
    private func expectSame<Value: DigestWritable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(StableDigest.bytes(writing: value, salt: [7, 1]) == StableDigest.bytes(of: value, salt: [7, 1]),
                "\(value)", sourceLocation: sourceLocation)
    }

    @Test("every row type, with every optional field set and with none")
    func rows() {
        let day = CivilDate(iso: "2026-03-01")!
        let later = CivilDate(iso: "2027-12-31")!
        for set in [false, true] {
            func some<T>(_ value: T) -> T? { set ? value : nil }
            let review = Review(status: ReviewStatus.allCases.last!, approvedOn: some(later), scope: Scope.allCases.last!)
            expectSame(review)
            expectSame(SubjectRow(
                id: "S1", kind: SubjectKind.allCases.last!, name: "王某", uscc: some("91350100M000100Y43"),
                idNumber: some("11010519491231002X"), legalRepresentative: some("李某"), regionCode: some("420100"),
                address: some("武汉市"), phone: some("13800000000")))
            expectSame(CaseRow(
                id: "C1", title: "案", region: "湖北", reportedOn: day, source: some("来源"), sourceURL: some("https://x"),
                domain: some("食品"), proposedAction: some("约谈"), tags: set ? ["甲", "乙"] : []))
            expectSame(ReportRow(
                id: "V1", caseID: "C1", title: "报告", leadDepartment: "局", serviceAgency: some("机构"),
                methods: set ? VerificationMethod.allCases : [], conclusion: ReportConclusion.allCases.last!,
                measures: set ? Measure.allCases : [], concludedOn: day, supersedes: some("V0"), review: review))
            expectSame(RecordRow(
                id: "R1", subjectID: "S1", reportID: some("V1"), kind: RecordKind.allCases.last!,
                severity: Severity.allCases.last!, procedure: some(Procedure.allCases.last!),
                penaltyTypes: set ? PenaltyType.allCases : [], fineYuan: some(-12), documentNo: some("文号"),
                decidedOn: day, authority: "局", basis: some("依据"), outcome: some("结果"), publishUntil: some(later),
                repairedOn: some(later), revokedOn: some(later), review: review))
            expectSame(ListEntryRow(
                id: "L1", subjectID: "S1", list: ListKind.allCases.last!, domain: some("领域"), authority: "局",
                basis: some("依据"), recordID: some("R1"), listedOn: day, validUntil: some(later), removedOn: some(later),
                removalReason: some("移出"), review: review))
            expectSame(CommitmentRow(
                id: "K1", subjectID: "S1", kind: CommitmentKind.allCases.last!, recordID: some("R1"), madeOn: day,
                validUntil: some(later), status: CommitmentStatus.allCases.last!, review: review))
            expectSame(RectificationRow(
                id: "Z1", recordID: "R1", requirementMarkdown: "整改", deadline: day,
                status: RectificationStatus.allCases.last!, completedOn: some(later)))
            expectSame(InterviewRow(
                id: "I1", recordID: "R1", kind: InterviewKind.allCases.last!, heldOn: day, refused: set,
                summaryMarkdown: some("约谈"), scope: Scope.allCases.first!))
            expectSame(RepairActionRow(
                id: "P1", recordID: "R1", kind: RepairActionKind.allCases.last!, completedOn: day, provider: some("机构"),
                hours: some(2.5)))
        }
    }

    /// Every cacheable page input of a build of `snapshot` on `asOf`.
    private func inputs(snapshot path: String, site: String, asOf: CivilDate) throws -> [any PageInput] {
        let folder = try SiteFolder.load(site)
        let reader = try SnapshotReader(file: path)
        let snapshot = try reader.read().snapshot
        let disclosure = DisclosurePolicy(configuration: folder.configuration.policy, audience: .public)
            .evaluate(snapshot, asOf: asOf)
        let redactor = Redactor(snapshot: snapshot, slugKey: folder.configuration.effectiveSubjectSlugKey)
        let info = SiteInfo(
            title: SiteText(operatorAuthored: "t"), description: SiteText(operatorAuthored: "d"),
            publisher: SiteText(operatorAuthored: "p"), baseURL: "https://x/", asOf: asOf, updatedOn: nil,
            audience: .public, isDemo: false, source: SiteText(operatorAuthored: "s"), contentLinks: [])
        let context = BuildContext(
            reader: reader, snapshot: snapshot, disclosure: disclosure, redactor: redactor,
            factory: PageFactory(site: info), templates: try TemplateSet(overrides: [:]))
        var result: [any PageInput] = []
        let records = snapshot.records.filter { disclosure.isShown(.records, $0.id) }
        let facts = try reader.bodies(.recordFacts, ids: records.map(\.id))
        result += records.map { context.recordInput($0, facts: facts[$0.id] ?? "") }
        let reports = snapshot.reports.filter { disclosure.isShown(.verificationReports, $0.id) }
        let bodies = try reader.bodies(.reportBody, ids: reports.map(\.id))
        result += reports.map { context.reportInput($0, body: bodies[$0.id] ?? "") }
        let cases = snapshot.cases.filter { disclosure.isShown(.cases, $0.id) }
        let summaries = try reader.bodies(.caseSummary, ids: cases.map(\.id))
        result += cases.map { context.caseInput($0, summary: summaries[$0.id]) }
        let commitments = snapshot.commitments.filter { disclosure.isShown(.commitments, $0.id) }
        let texts = try reader.bodies(.commitmentBody, ids: commitments.map(\.id))
        result += commitments.map { context.commitmentInput($0, body: texts[$0.id] ?? "") }
        let reasons = try reader.bodies(.listReason, ids: snapshot.listEntries.map(\.id))
        result += snapshot.subjects.filter { disclosure.isShown(.subjects, $0.id) }.map {
            context.subjectInput($0, reasons: reasons)
        }
        for list in ListKind.allCases { result += context.listInputs(list, pageSize: 7).map { $0 as any PageInput } }
        result += context.commitmentIndexInputs(pageSize: 7).map { $0 as any PageInput }
        result += context.caseIndexInputs(pageSize: 7).map { $0 as any PageInput }
        return result
    }

    private func expectSameBytes(_ input: any PageInput) -> Bool {
        func same<Input: PageInput>(_ input: Input) -> Bool {
            StableDigest.bytes(writing: input, salt: [3]) == StableDigest.bytes(of: input, salt: [3])
        }
        return same(input)
    }

    @Test("every page input of the demo site and of a 2,000-record synthetic site, on three days")
    func pageInputs() throws {
        let fixture = try SiteFixture()
        let demo = fixture.snapshotPath("demo.sqlite")
        let today = CivilDate(iso: "2026-03-01")!
        try DemoSnapshot.write(to: demo, today: today)
        let synthetic = fixture.snapshotPath("synthetic.sqlite")
        try SyntheticSnapshot.write(to: synthetic, records: 2_000, today: today, seed: 3)
        var checked = 0
        var kinds = Set<String>()
        for path in [demo, synthetic] {
            for offset in [-400, 0, 400] {
                for input in try inputs(snapshot: path, site: fixture.site, asOf: today.adding(days: offset)) {
                    #expect(expectSameBytes(input), "\(type(of: input))")
                    kinds.insert("\(type(of: input))")
                    checked += 1
                }
            }
        }
        #expect(checked > 2_500)
        #expect(kinds.count == 8, "\(kinds.sorted())")
    }
}
