import CreditVocabulary

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
    /// Failpoint for tests: the build throws once this many pages are written, to prove that
    /// a build failing midway leaves the published folder untouched.
    var failAfterWrittenPages: Int?

    /// Build options.
    public init(snapshot: String, site: String = ".", out: String = "public", asOf: CivilDate = .today(),
                audience: Audience = .public, report: String? = nil, auditBeforePublishing: Bool = false) {
        self.auditBeforePublishing = auditBeforePublishing
        self.snapshot = snapshot
        self.site = site
        self.out = out
        self.asOf = asOf
        self.audience = audience
        self.report = report
    }
}
