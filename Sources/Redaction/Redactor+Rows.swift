import CreditVocabulary
import SnapshotModel

extension Redactor {
    /// A subject per redaction.md "Structured fields".
    public func subject(_ row: SubjectRow, log: inout RedactionLog) -> PublicSubject {
        let ref = RowRef(.subjects, row.id)
        hidden(row.idNumber, row: ref, field: "id_number", log: &log)
        hidden(row.phone, row: ref, field: "phone", log: &log)
        let name: RedactedText
        var uscc: RedactedText?
        var representative: RedactedText?
        var address: RedactedText?
        switch row.kind {
        case .naturalPerson:
            name = replaced(row.name, by: NameMask.mask(row.name), rule: .maskedNameField, row: ref, field: "name", log: &log)
            hidden(row.uscc, row: ref, field: "uscc", log: &log)
            hidden(row.legalRepresentative, row: ref, field: "legal_representative", log: &log)
            address = countyAddress(row.address, row: ref, log: &log)
        case .individualBusiness:
            name = text(row.name, row: ref, field: "name", log: &log)
            uscc = text(row.uscc, row: ref, field: "uscc", log: &log)
            representative = row.legalRepresentative.map {
                replaced($0, by: NameMask.mask($0), rule: .maskedNameField, row: ref, field: "legal_representative",
                         log: &log)
            }
            address = countyAddress(row.address, row: ref, log: &log)
        case .legalPerson, .unincorporated:
            name = text(row.name, row: ref, field: "name", log: &log)
            uscc = text(row.uscc, row: ref, field: "uscc", log: &log)
            representative = text(row.legalRepresentative, row: ref, field: "legal_representative", log: &log)
            address = text(row.address, row: ref, field: "address", log: &log)
        }
        return PublicSubject(
            slug: subjectSlug(row.id), kind: row.kind, name: name, uscc: uscc, legalRepresentative: representative,
            address: address, regionCode: row.regionCode)
    }

    private func countyAddress(_ address: String?, row: RowRef, log: inout RedactionLog) -> RedactedText? {
        guard let address, !address.isEmpty else { return nil }
        guard let county = CountyAddress.truncate(address) else {
            hidden(address, row: row, field: "address", log: &log)
            return nil
        }
        let redacted: RedactedText = text(county, row: row, field: "address", log: &log)
        if county != address {
            log.append(RedactionEvent(
                row: row, field: "address", rule: .countyAddress, offset: county.unicodeScalars.count,
                length: address.unicodeScalars.count - county.unicodeScalars.count))
            if isPreview {
                // An empty mark after the county: the preview shows where the rest was cut.
                let marked = log.mark(
                    PreviewReplacement(row: row, field: "address", rule: .countyAddress,
                                       original: String(address.dropFirst(county.count)), replacement: ""),
                    shown: "")
                return RedactedText(value: redacted.value + marked, isMarkdown: false)
            }
        }
        return redacted
    }

    /// A case; `summary` is its `summary_md`.
    public func `case`(_ row: CaseRow, summary: String?, log: inout RedactionLog) -> PublicCase {
        let ref = RowRef(.cases, row.id)
        let url = row.sourceURL.flatMap { value -> String? in
            let lower = value.lowercased()
            return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? value : nil
        }
        return PublicCase(
            path: path(row.id), title: text(row.title, row: ref, field: "title", log: &log),
            region: text(row.region, row: ref, field: "region", log: &log), reportedOn: row.reportedOn,
            source: text(row.source, row: ref, field: "source", log: &log),
            // A target that held personal data is not linked at all (its masked form is no address).
            sourceURL: text(url, row: ref, field: "source_url", log: &log).flatMap { $0.value == url ? $0 : nil },
            domain: text(row.domain, row: ref, field: "domain", log: &log),
            summary: text(summary, row: ref, field: "summary_md", markdown: true, log: &log),
            proposedAction: text(row.proposedAction, row: ref, field: "proposed_action", log: &log),
            tags: row.tags.map { text($0, row: ref, field: "tags", log: &log) })
    }

    /// A verification report; `body` is its `body_md`; `supersedes` the report it corrects.
    public func report(_ row: ReportRow, body: String, supersedes: ReportRow?, log: inout RedactionLog) -> PublicReport {
        let ref = RowRef(.verificationReports, row.id)
        return PublicReport(
            path: path(row.id), casePath: path(row.caseID), title: text(row.title, row: ref, field: "title", log: &log),
            leadDepartment: text(row.leadDepartment, row: ref, field: "lead_department", log: &log),
            serviceAgency: text(row.serviceAgency, row: ref, field: "service_agency", log: &log),
            methods: row.methods, conclusion: row.conclusion, measures: row.measures,
            body: text(body, row: ref, field: "body_md", markdown: true, log: &log), concludedOn: row.concludedOn,
            approvedOn: row.review.approvedOn, supersedesPath: supersedes.map { path($0.id) },
            supersedesTitle: supersedes.map {
                text($0.title, row: RowRef(.verificationReports, $0.id), field: "title", log: &log)
            })
    }

    /// A record; `facts` is its `facts_md`; `reportShown` whether its report has a page.
    public func record(_ row: RecordRow, facts: String, reportShown: Bool, log: inout RedactionLog) -> PublicRecord {
        let ref = RowRef(.records, row.id)
        return PublicRecord(
            path: path(row.id), subjectSlug: subjectSlug(row.subjectID),
            reportPath: reportShown ? row.reportID.map(path) : nil, kind: row.kind, severity: row.severity,
            procedure: row.procedure, penaltyTypes: row.penaltyTypes, fineYuan: row.fineYuan,
            documentNo: text(row.documentNo, row: ref, field: "document_no", log: &log), decidedOn: row.decidedOn,
            authority: text(row.authority, row: ref, field: "authority", log: &log),
            basis: text(row.basis, row: ref, field: "basis", log: &log),
            facts: text(facts, row: ref, field: "facts_md", markdown: true, log: &log),
            outcome: text(row.outcome, row: ref, field: "outcome", log: &log), repairedOn: row.repairedOn,
            revokedOn: row.revokedOn, approvedOn: row.review.approvedOn)
    }

    /// A list entry; `reason` is its `reason_md`; `recordShown` whether its record has a page.
    public func listEntry(_ row: ListEntryRow, reason: String?, recordShown: Bool, log: inout RedactionLog) -> PublicListEntry {
        let ref = RowRef(.listEntries, row.id)
        return PublicListEntry(
            path: path(row.id), subjectSlug: subjectSlug(row.subjectID), list: row.list,
            domain: text(row.domain, row: ref, field: "domain", log: &log),
            authority: text(row.authority, row: ref, field: "authority", log: &log),
            basis: text(row.basis, row: ref, field: "basis", log: &log),
            reason: text(reason, row: ref, field: "reason_md", markdown: true, log: &log),
            recordPath: recordShown ? row.recordID.map(path) : nil, listedOn: row.listedOn,
            validUntil: row.validUntil)
    }

    /// A commitment; `body` is its `body_md`; `recordShown` whether its record has a page.
    public func commitment(_ row: CommitmentRow, body: String, recordShown: Bool, log: inout RedactionLog) -> PublicCommitment {
        let ref = RowRef(.commitments, row.id)
        return PublicCommitment(
            path: path(row.id), subjectSlug: subjectSlug(row.subjectID), kind: row.kind,
            recordPath: recordShown ? row.recordID.map(path) : nil, madeOn: row.madeOn, validUntil: row.validUntil,
            status: row.status, body: text(body, row: ref, field: "body_md", markdown: true, log: &log))
    }

    /// A rectification deadline.
    public func rectification(_ row: RectificationRow, log: inout RedactionLog) -> PublicRectification {
        PublicRectification(
            requirement: text(row.requirementMarkdown, row: RowRef(.rectifications, row.id), field: "requirement_md",
                              markdown: true, log: &log),
            deadline: row.deadline, status: row.status, completedOn: row.completedOn)
    }

    /// An interview.
    public func interview(_ row: InterviewRow, log: inout RedactionLog) -> PublicInterview {
        PublicInterview(
            kind: row.kind, heldOn: row.heldOn, refused: row.refused,
            summary: text(row.summaryMarkdown, row: RowRef(.interviews, row.id), field: "summary_md", markdown: true,
                          log: &log))
    }

    /// A repair step.
    public func repairAction(_ row: RepairActionRow, log: inout RedactionLog) -> PublicRepairAction {
        PublicRepairAction(
            kind: row.kind, completedOn: row.completedOn,
            provider: text(row.provider, row: RowRef(.repairActions, row.id), field: "provider", log: &log),
            hours: row.hours)
    }
}
