import CreditVocabulary
import Markdown
import Redaction

/// Builds the page specs of the site from redacted rows. It only accepts `Public…` types,
/// ``SiteText`` and ``DisclosureNote``: raw snapshot rows cannot reach a page.
public struct PageFactory: Sendable {
    /// The site and build.
    public let site: SiteInfo

    /// A factory for one build.
    public init(site: SiteInfo) {
        self.site = site
    }

    /// The values every page has: site, navigation, root prefix, banners.
    func base(path: String, title: String) -> [String: Any] {
        let root = SitePaths.rootPrefix(for: path)
        // `aria-current`: "page" on the item of this very page, "true" on the item of the
        // section it belongs to (a list's later pages).
        func item(_ target: String, _ label: String) -> [String: Any] {
            var entry: [String: Any] = ["href": root + target, "label": label]
            if target == path { entry["current"] = "page" }
            else if !target.isEmpty, path.hasPrefix(target) { entry["current"] = "true" }
            return entry
        }
        var navigation: [[String: Any]] = [
            item("", "首页"),
            item("cases/", "失信案例"),
            item(SitePaths.list(.black), ListKind.black.label),
            item(SitePaths.list(.watch), ListKind.watch.label),
            item(SitePaths.list(.red), ListKind.red.label),
            item("commitments/", "信用承诺"),
            item("search/", "站内搜索"),
        ]
        for link in site.contentLinks {
            navigation.append(item(link.path, link.label.value))
        }
        var values: [String: Any] = [
            "root": root,
            "path": path,
            "canonical": site.baseURL + path,
            "page_title": title,
            // The browser tab's title: the page's, then the column's; the home page's once.
            "document_title": title == site.title.value ? title : title + " - " + site.title.value,
            "site_title": site.title.value,
            "site_description": site.description.value,
            "source": site.source.value,
            "is_demo": site.isDemo,
            "is_internal": site.audience == .internal,
            "navigation": navigation,
        ]
        if !site.publisher.value.isEmpty { values["publisher"] = site.publisher.value }
        values["objection_contacts"] = site.objectionContacts.map { contact -> [String: Any] in
            var line: [String: Any] = ["label": contact.label, "value": contact.value.value]
            if let href = contact.href { line["href"] = href }
            return line
        }
        values["has_objection_contacts"] = !site.objectionContacts.isEmpty
        if let days = site.objectionAnswerDays { values["objection_answer_days"] = String(days) }
        if site.contentLinks.contains(where: { $0.path == "objection/" }) { values["objection_href"] = root + "objection/" }
        if site.audience == .internal {
            navigation.append(item("timeliness/", "公示时效"))
            values["navigation"] = navigation
        }
        return values
    }

    func spec(_ folder: String, template: String, title: String, _ values: [String: Any]) -> PageSpec {
        var context = base(path: folder, title: title)
        context.merge(values) { _, new in new }
        return PageSpec(path: folder + "index.html", template: template, context: context, title: title)
    }

    /// Markdown to HTML.
    func html(_ text: RedactedText?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text.isMarkdown ? MarkdownRenderer.render(text).html : SafeHTML.escaping(text).html
    }

    func noteValues(_ note: DisclosureNote?) -> [String: Any]? {
        guard let note else { return nil }
        return [
            "start": note.start.chinese, "last_day": note.lastDay.chinese, "end_label": note.endLabel,
            "objection_pending": note.objectionPending,
        ]
    }

    func subjectLink(_ subject: PublicSubject, root: String) -> [String: Any] {
        var link: [String: Any] = [
            "href": root + SitePaths.subject(subject.slug), "name": subject.name.value, "kind": subject.kind.label,
        ]
        link["uscc"] = subject.uscc?.value
        return link
    }

    func caseLine(_ summary: PublicCaseSummary, root: String) -> [String: Any] {
        [
            "href": root + SitePaths.case(summary.path), "title": summary.title.value, "region": summary.region.value,
            "reported_on": summary.reportedOn.chinese, "date_iso": summary.reportedOn.iso,
        ]
    }

    func reportLine(_ summary: PublicReportSummary, root: String) -> [String: Any] {
        var line: [String: Any] = [
            "href": root + SitePaths.report(summary.path), "title": summary.title.value,
            "conclusion": summary.conclusion.label, "conclusion_code": summary.conclusion.rawValue,
            "lead_department": summary.leadDepartment.value,
        ]
        line["approved_on"] = summary.approvedOn?.chinese
        return line
    }

    func recordLine(_ summary: PublicRecordSummary, root: String) -> [String: Any] {
        var line: [String: Any] = [
            "href": root + SitePaths.record(summary.path), "kind": summary.kind.label,
            "severity": summary.severity.label, "authority": summary.authority.value,
            "decided_on": summary.decidedOn.chinese,
            "penalties": summary.penaltyTypes.map(\.label).joined(separator: "、"),
        ]
        line["document_no"] = summary.documentNo?.value
        return line
    }

    func commitmentLine(_ summary: PublicCommitmentSummary, root: String) -> [String: Any] {
        var line: [String: Any] = [
            "href": root + SitePaths.commitment(summary.path), "kind": summary.kind.label,
            "made_on": summary.madeOn.chinese, "status": summary.status.label,
        ]
        line["valid_until"] = summary.validUntil?.chinese
        return line
    }

    /// Pagination values for page `page` of `pages` under `base`.
    /// Besides 上一页 and 下一页: the numbers of the pages up to two either side of this one
    /// (this one marked `aria-current`), and 首页 and 末页 when they are not among them.
    func pagination(base: String, page: Int, pages: Int, root: String) -> [String: Any] {
        var values: [String: Any] = ["page": page, "pages": pages, "has_pages": pages > 1]
        if page > 1 { values["previous"] = root + SitePaths.paginated(base, page: page - 1) }
        if page < pages { values["next"] = root + SitePaths.paginated(base, page: page + 1) }
        let shown = max(1, page - Self.pageNumbersAround)...max(1, min(pages, page + Self.pageNumbersAround))
        values["numbers"] = shown.map { number -> [String: Any] in
            // Numbers are parted by a `|` the last check does not read as a separator: run
            // together, `108 109 110 111 112` would look like a 15-digit ID number to it.
            ["number": number, "href": root + SitePaths.paginated(base, page: number), "current": number == page,
             "first_number": number == shown.lowerBound]
        }
        if shown.lowerBound > 1 { values["first"] = root + SitePaths.paginated(base, page: 1) }
        if shown.upperBound < pages { values["last"] = root + SitePaths.paginated(base, page: pages) }
        return values
    }

    /// Page `page` of `pages` of the listing under `base`: the pagination's values and those
    /// `content` makes with the page's root prefix.
    func paginatedSpec(
        _ base: String, page: Int, pages: Int, template: String, title: String, _ content: (_ root: String) -> [String: Any]
    ) -> PageSpec {
        let folder = SitePaths.paginated(base, page: page)
        let root = SitePaths.rootPrefix(for: folder)
        let values = pagination(base: base, page: page, pages: pages, root: root).merging(content(root)) { _, own in own }
        return spec(folder, template: template, title: title, values)
    }

    /// `title`, with （第N页） after the first page.
    func numbered(_ title: String, page: Int) -> String { page > 1 ? "\(title)（第\(page)页）" : title }

    /// How many page numbers the pagination shows on each side of the current page.
    static let pageNumbersAround = 2
}
