/// The stages of a build, in order (``SiteBuilder/build(_:notify:)`` runs them). A stage's
/// boundary is where the progress line names the next stage and where `GONGSHI_TIMING`
/// times the last one: a new stage gets both by being a case here.
enum BuildStage: CaseIterable, Sendable {
    /// The site folder, its templates and the snapshot.
    case read
    /// The disclosure policy: which rows are shown, until when, and why the others are not.
    case policy
    /// The staging folder, the redactor, the page tools and what the last build left.
    case prepare
    /// The pages of records, reports, cases, commitments and subjects.
    case pages
    /// The listings, the home page and the other single pages.
    case listings
    /// The site-wide files (sitemap, feed, redaction log) and the search index.
    case search
    /// Publication: the commit's changes, the audit, the swap.
    case commit
    /// The next build's caches and the report.
    case finish

    /// The code of the stage's name in the message catalogue (the progress line).
    var progressCode: String {
        switch self {
        case .read: "stage_read"
        case .policy: "stage_policy"
        case .prepare: "stage_prepare"
        case .pages: BuildProgress.pagesStage
        case .listings: BuildProgress.listsStage
        case .search: "stage_search"
        case .commit, .finish: "stage_swap"
        }
    }

    /// The stage's name in the timing lines.
    var timingLabel: String {
        switch self {
        case .read: "read snapshot"
        case .policy: "policy"
        case .prepare: "prepare"
        case .pages: "row pages"
        case .listings: "listings"
        case .search: "site files and search index"
        case .commit: "commit"
        case .finish: "page cache and report"
        }
    }
}
