import CreditVocabulary
import DisclosurePolicy
import PageModel
import Redaction
import SiteRender
import SnapshotModel
import SnapshotReader

/// Everything one build decides with, immutable and shared by the page workers: the
/// snapshot's rows, the policy's outcome, the redactor and the indexes between rows.
/// Only rows the policy shows are in the indexes.
struct BuildContext: Sendable {
    let reader: SnapshotReader
    let snapshot: Snapshot
    let disclosure: Disclosure
    let redactor: Redactor
    /// The factory with the whole site information (home page, timeliness page).
    let factory: PageFactory
    let templates: TemplateSet
    /// What cacheable pages are made with.
    let tools: PageTools

    let subjects: [String: SubjectRow]
    let cases: [String: CaseRow]
    let reports: [String: ReportRow]
    let records: [String: RecordRow]
    let reportsByCase: [String: [ReportRow]]
    let recordsByReport: [String: [RecordRow]]
    let recordsBySubject: [String: [RecordRow]]
    let entriesBySubject: [String: [ListEntryRow]]
    let commitmentsBySubject: [String: [CommitmentRow]]
    let casesBySubject: [String: [String]]
    let subjectsByCase: [String: [String]]
    let rectificationsByRecord: [String: [RectificationRow]]
    let interviewsByRecord: [String: [InterviewRow]]
    let repairsByRecord: [String: [RepairActionRow]]

    init(reader: SnapshotReader, snapshot: Snapshot, disclosure: Disclosure, redactor: Redactor,
         factory: PageFactory, templates: TemplateSet) {
        self.reader = reader
        self.snapshot = snapshot
        self.disclosure = disclosure
        self.redactor = redactor
        self.factory = factory
        self.templates = templates
        self.tools = PageTools(redactor: redactor, site: factory.site, templates: templates, regionCode: snapshot.meta.regionCode)
        func shown(_ table: SnapshotTable, _ id: String) -> Bool { disclosure.isShown(table, id) }

        subjects = Dictionary(snapshot.subjects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cases = Dictionary(snapshot.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        reports = Dictionary(snapshot.reports.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        records = Dictionary(snapshot.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let shownReports = snapshot.reports.filter { shown(.verificationReports, $0.id) }
        let shownRecords = snapshot.records.filter { shown(.records, $0.id) }
        reportsByCase = Dictionary(grouping: shownReports, by: \.caseID)
        recordsByReport = Dictionary(grouping: shownRecords.filter { $0.reportID != nil }, by: { $0.reportID! })
        recordsBySubject = Dictionary(grouping: shownRecords, by: \.subjectID)
        entriesBySubject = Dictionary(grouping: snapshot.listEntries.filter { shown(.listEntries, $0.id) }, by: \.subjectID)
        commitmentsBySubject = Dictionary(
            grouping: snapshot.commitments.filter { shown(.commitments, $0.id) }, by: \.subjectID)
        let links = snapshot.caseSubjects.filter { shown(.cases, $0.caseID) && shown(.subjects, $0.subjectID) }
        casesBySubject = Dictionary(grouping: links, by: \.subjectID).mapValues { $0.map(\.caseID) }
        subjectsByCase = Dictionary(grouping: links, by: \.caseID).mapValues { $0.map(\.subjectID) }
        rectificationsByRecord = Dictionary(
            grouping: snapshot.rectifications.filter { shown(.rectifications, $0.id) }, by: \.recordID)
        interviewsByRecord = Dictionary(
            grouping: snapshot.interviews.filter { shown(.interviews, $0.id) }, by: \.recordID)
        repairsByRecord = Dictionary(
            grouping: snapshot.repairActions.filter { shown(.repairActions, $0.id) }, by: \.recordID)
    }

    /// What the page says about a shown row's window.
    func note(_ table: SnapshotTable, _ id: String) -> DisclosureNote? {
        guard let shown = disclosure.shown(table, id), let window = shown.window else { return nil }
        return DisclosureNote(
            start: window.start, lastDay: window.end.adding(days: -1), endLabel: window.endCause.label,
            objectionPending: shown.pendingObjection != nil)
    }
}
