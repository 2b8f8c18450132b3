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
    /// In a build, the shown rows alone (``Disclosure/shownSnapshot(of:)``).
    let snapshot: Snapshot
    /// In a build, the shown rows and their windows; the reasons for the withheld ones have
    /// gone to the report, and `withheld` is empty.
    let disclosure: Disclosure
    let redactor: Redactor
    /// The factory with the whole site information (home page, timeliness page).
    let factory: PageFactory
    let templates: TemplateSet
    /// What cacheable pages are made with.
    let tools: PageTools

    let subjects: RowsByID<SubjectRow>
    let cases: RowsByID<CaseRow>
    let reports: RowsByID<ReportRow>
    let records: RowsByID<RecordRow>
    var reportsByCase: RowGroups<ReportRow>
    var recordsByReport: RowGroups<RecordRow>
    var recordsBySubject: RowGroups<RecordRow>
    var entriesBySubject: RowGroups<ListEntryRow>
    var commitmentsBySubject: RowGroups<CommitmentRow>
    /// Rows a preview shows whatever their state (``showing(_:position:)``); empty in a build.
    var forced: [RowRef: Disclosure.Shown] = [:]
    var casesBySubject: [String: [String]]
    var subjectsByCase: [String: [String]]
    var rectificationsByRecord: RowGroups<RectificationRow>
    var interviewsByRecord: RowGroups<InterviewRow>
    var repairsByRecord: RowGroups<RepairActionRow>

    /// A context whose cacheable pages are made with tools of `redactor`, `factory`'s site and
    /// `templates`.
    init(reader: SnapshotReader, snapshot: Snapshot, disclosure: Disclosure, redactor: Redactor,
         factory: PageFactory, templates: TemplateSet) {
        self.init(reader: reader, snapshot: snapshot, disclosure: disclosure, factory: factory, tools: PageTools(
            redactor: redactor, site: factory.site, templates: templates, regionCode: snapshot.meta.regionCode))
    }

    /// A context whose cacheable pages are made with `tools` (a build fingerprints them first,
    /// for its page cache).
    init(reader: SnapshotReader, snapshot: Snapshot, disclosure: Disclosure, factory: PageFactory, tools: PageTools) {
        self.reader = reader
        self.snapshot = snapshot
        self.disclosure = disclosure
        self.redactor = tools.redactor
        self.factory = factory
        self.templates = tools.templates
        self.tools = tools
        func shown(_ table: SnapshotTable, _ id: String) -> Bool { disclosure.isShown(table, id) }

        subjects = RowsByID(snapshot.subjects, id: \.id)
        cases = RowsByID(snapshot.cases, id: \.id)
        reports = RowsByID(snapshot.reports, id: \.id)
        records = RowsByID(snapshot.records, id: \.id)
        reportsByCase = RowGroups(snapshot.reports, where: { shown(.verificationReports, $0.id) }, by: \.caseID)
        recordsByReport = RowGroups(snapshot.records, where: { shown(.records, $0.id) }, by: \.reportID)
        recordsBySubject = RowGroups(snapshot.records, where: { shown(.records, $0.id) }, by: \.subjectID)
        entriesBySubject = RowGroups(snapshot.listEntries, where: { shown(.listEntries, $0.id) }, by: \.subjectID)
        commitmentsBySubject = RowGroups(snapshot.commitments, where: { shown(.commitments, $0.id) }, by: \.subjectID)
        let links = snapshot.caseSubjects.filter { shown(.cases, $0.caseID) && shown(.subjects, $0.subjectID) }
        casesBySubject = Dictionary(grouping: links, by: \.subjectID).mapValues { $0.map(\.caseID) }
        subjectsByCase = Dictionary(grouping: links, by: \.caseID).mapValues { $0.map(\.subjectID) }
        rectificationsByRecord = RowGroups(snapshot.rectifications, where: { shown(.rectifications, $0.id) }, by: \.recordID)
        interviewsByRecord = RowGroups(snapshot.interviews, where: { shown(.interviews, $0.id) }, by: \.recordID)
        repairsByRecord = RowGroups(snapshot.repairActions, where: { shown(.repairActions, $0.id) }, by: \.recordID)
    }

    /// What the page says about a shown row's window.
    func note(_ table: SnapshotTable, _ id: String) -> DisclosureNote? {
        guard let shown = shownRow(table, id), let window = shown.window else { return nil }
        return DisclosureNote(
            start: window.start, lastDay: window.end.adding(days: -1), endLabel: window.endCause.label,
            objectionPending: shown.pendingObjection != nil)
    }
}
