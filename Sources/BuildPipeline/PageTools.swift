import CreditVocabulary
import PageModel
import Redaction
import SearchIndex
import SiteRender
import SnapshotModel

/// What every cacheable page is made with besides its own inputs: the redactor, the page
/// factory (without the day-to-day dates), the templates and the publishing region. A
/// ``PageInput`` sees only this and itself, and ``BuildFingerprint`` covers all of it, so a
/// page's digest names everything its bytes depend on.
struct PageTools: Sendable {
    let redactor: Redactor
    let factory: PageFactory
    let templates: TemplateSet
    /// The snapshot's `meta.region_code`: the region of subjects without one.
    let regionCode: String

    init(redactor: Redactor, site: SiteInfo, templates: TemplateSet, regionCode: String) {
        self.redactor = redactor
        self.factory = PageFactory(site: site.forCachedPages)
        self.templates = templates
        self.regionCode = regionCode
    }

    func render(_ spec: PageSpec, feedDate: CivilDate? = nil, log: RedactionLog) -> RenderedPage {
        RenderedPage(
            path: spec.path, html: templates.render(spec),
            feedItem: feedDate.map { FeedItem(title: spec.title, path: String(spec.path.dropLast("index.html".count)), date: $0) },
            log: log)
    }

    /// A program label (kind, status) as searchable text.
    func label(_ text: String) -> SiteText { SiteText(operatorAuthored: text) }

    /// The provinces of a subject, or of the publishing authority when the subject has none.
    func regions(of subject: SubjectRow) -> [String] {
        [ProvinceNames.province(ofCode: subject.regionCode) ?? ProvinceNames.province(ofCode: regionCode)].compactMap { $0 }
    }

    /// The provinces a case names, or the publishing authority's.
    func regions(of item: CaseRow) -> [String] {
        let named = ProvinceNames.provinces(in: item.region)
        return named.isEmpty ? [ProvinceNames.province(ofCode: regionCode)].compactMap { $0 } : named
    }
}
