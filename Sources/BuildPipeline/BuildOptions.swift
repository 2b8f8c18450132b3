import CreditVocabulary
import Foundation

/// What `gongshi build` is asked to do.
public struct BuildOptions: Sendable {
    /// The snapshot file.
    public var snapshot: String
    /// The site folder (`site.toml`, `content/`, `layouts/`).
    public var site: String
    /// The output folder, replaced as a whole.
    public var out: String
    /// The as-of date.
    public var asOf: CivilDate
    /// Public or internal build.
    public var audience: Audience
    /// Where to write the JSON build report, if anywhere.
    public var report: String?
    /// Whether to run `gongshi audit` on the new site before it replaces the old one, and to
    /// publish nothing when the audit finds anything.
    public var auditBeforePublishing: Bool = false
    /// The cache folder of incremental builds (default: `.NAME.gongshi-cache` beside the
    /// output folder). It is never inside the output.
    public var cache: String?
    /// The state folder (`--state`): staging folder, previous site, lock, manifests and
    /// the default cache, kept out of a served folder. Nil: hidden siblings of the output.
    public var state: String?
    /// Make and write every page: ignore the page cache and do not recycle the previous site.
    /// The output is the same as an incremental build's.
    public var full: Bool = false
    /// Where the build shows how far it is (a terminal line); nil: nowhere.
    public var progress: BuildProgress?
    /// Failpoint for tests: the build throws once this many pages are written, to prove that
    /// a build failing midway leaves the published folder untouched.
    var failAfterWrittenPages: Int?

    /// Build options.
    public init(snapshot: String, site: String = ".", out: String = "public", asOf: CivilDate = .today(),
                audience: Audience = .public, report: String? = nil, auditBeforePublishing: Bool = false,
                cache: String? = nil, full: Bool = false, state: String? = nil) {
        self.cache = cache
        self.state = state
        self.full = full
        self.auditBeforePublishing = auditBeforePublishing
        self.snapshot = snapshot
        self.site = site
        self.out = out
        self.asOf = asOf
        self.audience = audience
        self.report = report
    }

    /// Where the report's long parts are written ahead (the cache folder), when a report is made.
    var reportParts: URL? { report == nil ? nil : cacheFolder }

    /// The cache folder to use.
    public var cacheFolder: URL {
        if let cache { return URL(fileURLWithPath: cache, isDirectory: true) }
        let out = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
        if let state {
            return URL(fileURLWithPath: state, isDirectory: true).appendingPathComponent("\(out.lastPathComponent).cache", isDirectory: true)
        }
        return out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).gongshi-cache", isDirectory: true)
    }
}
