import CreditVocabulary
import Markdown
import Redaction

extension PageFactory {
    /// The column's home page.
    public func home(
        reports: [PublicReportSummary], cases: [PublicCaseSummary], listCounts: [ListKind: Int], commitmentCount: Int,
        recordCount: Int = 0
    ) -> PageSpec {
        let root = SitePaths.rootPrefix(for: "")
        let lists: [[String: Any]] = [ListKind.black, .watch, .red].map {
            ["href": root + SitePaths.list($0), "label": $0.label, "count": listCounts[$0] ?? 0]
        }
        var values: [String: Any] = [:]
        if let updated = site.updatedOn {
            values["updated_on"] = updated.chinese
            values["updated_on_iso"] = updated.iso
        }
        return spec("", template: "home", title: site.title.value, values.merging([
            "reports": reports.map { reportLine($0, root: root) },
            "cases": cases.map { caseLine($0, root: root) },
            "lists": lists,
            "commitment_count": commitmentCount,
            "commitments_href": root + "commitments/",
            "record_count": recordCount,
            "records_href": root + "records/",
            "reports_href": root + "reports/",
            "cases_href": root + "cases/",
            "has_reports": !reports.isEmpty,
            "has_cases": !cases.isEmpty,
        ]) { _, new in new })
    }

    /// One page of the record index: every shown record, newest decision first.
    public func recordIndex(_ records: [(PublicRecordSummary, PublicSubject)], page: Int, pages: Int, total: Int) -> PageSpec {
        paginatedSpec("records/", page: page, pages: pages, template: "record-index", title: numbered("信用记录", page: page)) { root in
            let lines = records.map { summary, subject -> [String: Any] in
                var line = recordLine(summary, root: root)
                line["subject"] = subjectLink(subject, root: root)
                line["date_iso"] = summary.decidedOn.iso
                return line
            }
            return ["records": lines, "has_records": !records.isEmpty, "total": total]
        }
    }

    /// One page of the report index: every shown report, newest first.
    public func reportIndex(_ reports: [PublicReportSummary], page: Int, pages: Int, total: Int) -> PageSpec {
        paginatedSpec("reports/", page: page, pages: pages, template: "report-index", title: numbered("核查报告", page: page)) { root in
            ["reports": reports.map { reportLine($0, root: root) }, "has_reports": !reports.isEmpty, "total": total]
        }
    }

    /// One page of the case index.
    public func caseIndex(_ cases: [PublicCaseSummary], page: Int, pages: Int) -> PageSpec {
        paginatedSpec("cases/", page: page, pages: pages, template: "case-index", title: "失信案例") { root in
            ["cases": cases.map { caseLine($0, root: root) }, "has_cases": !cases.isEmpty]
        }
    }

    /// A case page.
    public func casePage(_ item: PublicCase, reports: [PublicReportSummary], subjects: [PublicSubject]) -> PageSpec {
        let folder = SitePaths.case(item.path)
        let root = SitePaths.rootPrefix(for: folder)
        var values: [String: Any] = [
            "id": item.path, "title": item.title.value, "region": item.region.value,
            "reported_on": item.reportedOn.chinese, "tags": item.tags.map(\.value),
            "has_tags": !item.tags.isEmpty,
            "reports": reports.map { reportLine($0, root: root) },
            "subjects": subjects.map { subjectLink($0, root: root) },
            "has_subjects": !subjects.isEmpty,
        ]
        values["source"] = item.source?.value
        values["source_url"] = item.sourceURL?.value
        values["domain"] = item.domain?.value
        values["summary_html"] = html(item.summary)
        values["proposed_action"] = item.proposedAction?.value
        return spec(folder, template: "case", title: item.title.value, values)
    }

    /// A verification report page.
    public func reportPage(
        _ report: PublicReport, caseSummary: PublicCaseSummary?, records: [PublicRecordSummary], note: DisclosureNote?
    ) -> PageSpec {
        let folder = SitePaths.report(report.path)
        let root = SitePaths.rootPrefix(for: folder)
        var values: [String: Any] = [
            "title": report.title.value, "lead_department": report.leadDepartment.value,
            "methods": report.methods.map(\.label).joined(separator: "、"),
            "conclusion": report.conclusion.label, "conclusion_code": report.conclusion.rawValue,
            "measures": report.measures.map(\.label).joined(separator: "、"), "has_measures": !report.measures.isEmpty,
            "concluded_on": report.concludedOn.chinese,
            "records": records.map { recordLine($0, root: root) }, "has_records": !records.isEmpty,
        ]
        values["body_html"] = html(report.body)
        values["service_agency"] = report.serviceAgency?.value
        values["approved_on"] = report.approvedOn?.chinese
        values["case"] = caseSummary.map { caseLine($0, root: root) }
        values["disclosure"] = noteValues(note)
        if let title = report.supersedesTitle {
            values["corrects"] = ["title": title.value]
        }
        return spec(folder, template: "report", title: report.title.value, values)
    }

    /// A credit record page, with its rectification, interviews and repair status.
    public func recordPage(
        _ record: PublicRecord, subject: PublicSubject, report: PublicReportSummary?,
        rectifications: [PublicRectification], interviews: [PublicInterview], repairs: [PublicRepairAction],
        note: DisclosureNote?
    ) -> PageSpec {
        let folder = SitePaths.record(record.path)
        let root = SitePaths.rootPrefix(for: folder)
        let title = "\(subject.name.value) \(record.kind.label)信息"
        var values: [String: Any] = [
            "title": title, "subject": subjectLink(subject, root: root), "kind": record.kind.label,
            "severity": record.severity.label, "severity_code": record.severity.rawValue,
            "penalties": record.penaltyTypes.map(\.label).joined(separator: "、"),
            "has_penalties": !record.penaltyTypes.isEmpty, "decided_on": record.decidedOn.chinese,
            "authority": record.authority.value,
            "rectifications": rectifications.map { item -> [String: Any] in
                var line: [String: Any] = [
                    "deadline": item.deadline.chinese, "status": item.status.label, "status_code": item.status.rawValue,
                ]
                line["requirement_html"] = html(item.requirement)
                line["completed_on"] = item.completedOn?.chinese
                return line
            },
            "has_rectifications": !rectifications.isEmpty,
            "interviews": interviews.map { item -> [String: Any] in
                var line: [String: Any] = ["kind": item.kind.label, "held_on": item.heldOn.chinese, "refused": item.refused]
                line["summary_html"] = html(item.summary)
                return line
            },
            "has_interviews": !interviews.isEmpty,
            "repairs": repairs.map { item -> [String: Any] in
                var line: [String: Any] = ["kind": item.kind.label, "completed_on": item.completedOn.chinese]
                line["provider"] = item.provider?.value
                line["hours"] = item.hours.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
                return line
            },
            "has_repairs": !repairs.isEmpty,
        ]
        values["procedure"] = record.procedure?.label
        values["fine"] = record.fineYuan.map(YuanAmount.chinese)
        values["document_no"] = record.documentNo?.value
        values["basis"] = record.basis?.value
        values["facts_html"] = html(record.facts)
        values["outcome"] = record.outcome?.value
        values["approved_on"] = record.approvedOn?.chinese
        values["report"] = report.map { reportLine($0, root: root) }
        values["disclosure"] = noteValues(note)
        values["objection_pending"] = note?.objectionPending ?? false
        values["has_objection_block"] = true  // its own 对本条信息有异议 block: the footer leaves the contacts out
        return spec(folder, template: "record", title: title, values)
    }

    /// A subject page: everything visible about one subject.
    public func subjectPage(
        _ subject: PublicSubject, records: [PublicRecordSummary], listEntries: [(PublicListEntry, DisclosureNote?)],
        commitments: [PublicCommitmentSummary], cases: [PublicCaseSummary]
    ) -> PageSpec {
        let folder = SitePaths.subject(subject.slug)
        let root = SitePaths.rootPrefix(for: folder)
        var values: [String: Any] = [
            "name": subject.name.value, "kind": subject.kind.label,
            "records": records.map { recordLine($0, root: root) }, "has_records": !records.isEmpty,
            "list_entries": listEntries.map { entry, disclosure -> [String: Any] in
                var line = listEntryLine(entry, root: root)
                line["disclosure"] = noteValues(disclosure)
                line["objection_pending"] = disclosure?.objectionPending ?? false
                return line
            },
            "has_list_entries": !listEntries.isEmpty,
            "commitments": commitments.map { commitmentLine($0, root: root) }, "has_commitments": !commitments.isEmpty,
            "cases": cases.map { caseLine($0, root: root) }, "has_cases": !cases.isEmpty,
        ]
        values["uscc"] = subject.uscc?.value
        values["legal_representative"] = subject.legalRepresentative?.value
        values["address"] = subject.address?.value
        return spec(folder, template: "subject", title: subject.name.value, values)
    }

    func listEntryLine(_ entry: PublicListEntry, root: String) -> [String: Any] {
        var line: [String: Any] = [
            "id": entry.path, "list": entry.list.label, "list_code": entry.list.rawValue,
            "authority": entry.authority.value, "listed_on": entry.listedOn.chinese,
        ]
        line["domain"] = entry.domain?.value
        line["basis"] = entry.basis?.value
        line["reason_html"] = html(entry.reason)
        line["valid_until"] = entry.validUntil?.chinese
        line["record_href"] = entry.recordPath.map { root + SitePaths.record($0) }
        return line
    }

    /// One page of a list (red, black, watch).
    public func listPage(
        _ list: ListKind, entries: [(PublicListEntry, PublicSubject, DisclosureNote?)], page: Int, pages: Int, total: Int
    ) -> PageSpec {
        paginatedSpec(SitePaths.list(list), page: page, pages: pages, template: "list", title: numbered(list.label, page: page)) { root in
            var values: [String: Any] = [:]
            values["list"] = list.label
            values["list_code"] = list.rawValue
            values["total"] = total
            values["has_entries"] = !entries.isEmpty
            values["downloads"] = ListDownload.Format.allCases.map { format -> [String: Any] in
                ["label": format == .csv ? "CSV（Excel 可打开）" : "JSON", "href": root + SitePaths.listDownload(list, format: format),
                 "first": format == ListDownload.Format.allCases.first]
            }
            values["data_href"] = root + SitePaths.dataDictionary
            values["entries"] = entries.map { entry, subject, disclosure -> [String: Any] in
                var line = listEntryLine(entry, root: root)
                line["subject"] = subjectLink(subject, root: root)
                line["disclosure"] = noteValues(disclosure)
                line["objection_pending"] = disclosure?.objectionPending ?? false
                line["anchor_href"] = root + SitePaths.subject(subject.slug) + "#" + entry.path
                return line
            }
            return values
        }
    }

    /// One page of the commitment index.
    public func commitmentIndex(
        _ commitments: [(PublicCommitmentSummary, PublicSubject)], page: Int, pages: Int
    ) -> PageSpec {
        paginatedSpec("commitments/", page: page, pages: pages, template: "commitment-index", title: "信用承诺") { root in
            let lines = commitments.map { summary, subject -> [String: Any] in
                var line = commitmentLine(summary, root: root)
                line["subject"] = subjectLink(subject, root: root)
                return line
            }
            return ["commitments": lines, "has_commitments": !commitments.isEmpty]
        }
    }

    /// A commitment page.
    public func commitmentPage(_ commitment: PublicCommitment, subject: PublicSubject, note: DisclosureNote?) -> PageSpec {
        let folder = SitePaths.commitment(commitment.path)
        let root = SitePaths.rootPrefix(for: folder)
        let title = "\(subject.name.value) \(commitment.kind.label)"
        var values: [String: Any] = [
            "title": title, "subject": subjectLink(subject, root: root), "kind": commitment.kind.label,
            "made_on": commitment.madeOn.chinese, "status": commitment.status.label,
        ]
        values["valid_until"] = commitment.validUntil?.chinese
        values["body_html"] = html(commitment.body)
        values["record_href"] = commitment.recordPath.map { root + SitePaths.record($0) }
        values["disclosure"] = noteValues(note)
        return spec(folder, template: "commitment", title: title, values)
    }

    /// A Markdown page of `content/`.
    public func contentPage(name: String, title: SiteText, body: SiteText) -> PageSpec {
        let folder = name + "/"
        return spec(folder, template: "page", title: title.value, [
            "title": title.value, "body_html": MarkdownRenderer.render(body).html,
        ])
    }
}

extension PageFactory {
    /// The internal page on timeliness: per authority, then every late penalty.
    public func timelinessPage(
        authorities: [(authority: RedactedText, published: Int, late: Int, longest: Int)], late: [TimelinessLine],
        limit: Int, notComputed: Int
    ) -> PageSpec {
        let folder = "timeliness/"
        let root = SitePaths.rootPrefix(for: folder)
        return spec(folder, template: "timeliness", title: "行政处罚信息公示时效", [
            "limit": limit,
            "authorities": authorities.map {
                ["authority": $0.authority.value, "published": $0.published, "late": $0.late, "longest": $0.longest]
            },
            "late": late.map { line -> [String: Any] in
                var values: [String: Any] = [
                    "href": root + SitePaths.record(line.recordPath), "authority": line.authority.value,
                    "decided_on": line.decidedOn.chinese, "approved_on": line.approvedOn.chinese, "days": line.workingDays,
                ]
                values["document_no"] = line.documentNo?.value
                return values
            },
            "has_late": !late.isEmpty,
            "not_computed": notComputed,
            "has_not_computed": notComputed > 0,
        ])
    }
}

extension PageFactory {
    /// The search page (`search/index.html`); its client and index files sit beside it.
    public func searchPage() -> PageSpec {
        spec("search/", template: "search", title: "站内搜索", [:])
    }

    /// The data dictionary: what the lists' downloads hold, column by column.
    public func dataDictionaryPage() -> PageSpec {
        let root = SitePaths.rootPrefix(for: SitePaths.dataDictionary)
        var html = "<h1>数据下载说明</h1>\n<p>红名单、黑名单和重点关注名单各有两个下载文件，内容与名单页面所显示的完全相同，"
            + "每天随网站更新：CSV（UTF-8 编码，Excel 可直接打开）和 JSON（供程序读取）。</p>\n<ul class=\"downloads\">\n"
        for list in ListKind.allCases {
            html += "<li>\(list.label)：" + ListDownload.Format.allCases.map { format in
                "<a href=\"\(root + SitePaths.listDownload(list, format: format))\">\(format.rawValue.uppercased())</a>"
            }.joined(separator: " · ") + "</li>\n"
        }
        html += "</ul>\n<table class=\"card-table\">\n<thead><tr><th scope=\"col\">列名</th><th scope=\"col\">JSON 键名</th>"
            + "<th scope=\"col\">含义</th></tr></thead>\n<tbody>\n"
        for column in ListDownload.columns {
            html += "<tr><td>\(column.heading)</td><td data-label=\"JSON 键名\"><code>\(column.key)</code></td>"
                + "<td data-label=\"含义\">\(column.meaning)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n<p>CSV 中以 = + - @ 开头的值，前面加一个单引号（'），以免电子表格把它当作公式执行。</p>\n"
        return spec(SitePaths.dataDictionary, template: "page", title: "数据下载说明", ["body_html": html])
    }
}
