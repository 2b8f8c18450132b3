import CreditVocabulary
import Redaction

/// What every page knows about the site and the build.
public struct SiteInfo: Sendable {
    /// A link in the navigation.
    public struct NavigationLink: Sendable {
        /// Path from the site root, ending in `/`.
        public var path: String
        /// Label.
        public var label: SiteText

        /// A navigation link.
        public init(path: String, label: SiteText) {
            self.path = path
            self.label = label
        }
    }

    /// Column title.
    public var title: SiteText
    /// One-line description.
    public var description: SiteText
    /// Publishing office.
    public var publisher: SiteText
    /// Absolute base URL ending in `/`.
    public var baseURL: String
    /// The as-of date of the build.
    public var asOf: CivilDate
    /// The last day the shown rows changed (更新日期), given to the home page only (`updated_on`
    /// in `home.mustache`). No page shows the as-of date, so that a rebuild on a later day
    /// with nothing changed gives the same bytes, and a change rewrites only the pages it
    /// touches; see ``forCachedPages``.
    public var updatedOn: CivilDate?
    /// Public or internal build.
    public var audience: Audience
    /// Whether the snapshot is the built-in demo (pages say 演示数据).
    public var isDemo: Bool
    /// The platform that exported the snapshot.
    public var source: SiteText
    /// Content pages, for the navigation.
    public var contentLinks: [NavigationLink]
    /// Where objections go: labelled lines (an online form with its address), in order.
    public var objectionContacts: [ObjectionContact] = []
    /// Working days within which an objection is answered, if the site says.
    public var objectionAnswerDays: Int?

    /// One way of lodging an objection.
    public struct ObjectionContact: Sendable {
        /// 受理部门, 地址, 电话, 网上申请, 办理时间.
        public var label: String
        /// The value, from site.toml.
        public var value: SiteText
        /// A link, for the online form.
        public var href: String?

        /// A contact line.
        public init(label: String, value: SiteText, href: String? = nil) {
            self.label = label
            self.value = value
            self.href = href
        }
    }

    /// The same site without what changes from day to day (the as-of and update dates):
    /// what every page but the home page is made with, so that its cached copy stays valid.
    public var forCachedPages: SiteInfo {
        var site = self
        site.asOf = CivilDate(year: 2000, month: 1, day: 1)!
        site.updatedOn = nil
        return site
    }

    /// Site information.
    public init(
        title: SiteText, description: SiteText, publisher: SiteText, baseURL: String, asOf: CivilDate,
        updatedOn: CivilDate?, audience: Audience, isDemo: Bool, source: SiteText, contentLinks: [NavigationLink]
    ) {
        self.updatedOn = updatedOn
        self.title = title
        self.description = description
        self.publisher = publisher
        self.baseURL = baseURL
        self.asOf = asOf
        self.audience = audience
        self.isDemo = isDemo
        self.source = source
        self.contentLinks = contentLinks
    }
}
