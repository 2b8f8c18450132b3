import Redaction
import SiteConfig
import SiteRender
import SnapshotModel
import SnapshotReader

/// What the operator gave a build: the site folder (its warnings told), its templates, and
/// the snapshot file, opened with its schema checked.
struct BuildSources: Sendable {
    let site: SiteFolder
    let templates: TemplateSet
    let reader: SnapshotReader

    /// The site's settings.
    var configuration: SiteConfiguration { site.configuration }

    /// Loads the site folder and opens the snapshot of `options`.
    init(_ options: BuildOptions, notify: (BuildNotice) -> Void) throws {
        site = try SiteFolder.load(options.site)
        site.warnings.forEach { notify(.warning($0)) }
        templates = try TemplateSet(overrides: site.layoutOverrides)
        reader = try SnapshotReader(file: options.snapshot, maximumBodyCharacters: site.configuration.maximumMarkdownCharacters)
    }

    /// Every row of the snapshot but the long bodies, validated, with the problems found;
    /// refused when a problem blocks publishing. What the redactor is made from goes to
    /// `redactorSource` as soon as the tables it needs are read (``earlyRedactor(from:)``);
    /// `redactorSource` is finished on every path.
    func readSnapshot(
        handingOver redactorSource: AsyncStream<Redactor.Source>.Continuation
    ) async throws -> (snapshot: Snapshot, problems: [SnapshotProblem]) {
        defer { redactorSource.finish() }
        let reading = try await reader.read { tablesButRecords in
            redactorSource.yield(Redactor.Source(tablesButRecords))
            redactorSource.finish()
        }
        let blocking = reading.blockingErrors
        guard blocking.isEmpty else { throw BuildError.unpublishableSnapshot(blocking) }
        return (reading.snapshot, reading.problems)
    }

    /// The redactor (name lists, slugs) made from the first source `sources` yields: the
    /// subjects and overrides, before validation; nil if the reading failed first.
    func earlyRedactor(from sources: AsyncStream<Redactor.Source>) async -> EarlyRedactor? {
        for await source in sources {
            return EarlyRedactor(
                redactor: Redactor(source: source, slugKey: configuration.effectiveSubjectSlugKey,
                                   contextNames: configuration.masksContextNames),
                source: source)
        }
        return nil
    }

    /// The redactor of the validated `snapshot`: `early`'s when validation left what it was
    /// made from unchanged (nearly always), else one made again.
    func redactor(_ early: EarlyRedactor?, validated snapshot: Snapshot) -> Redactor {
        if let early, early.source.matches(snapshot) { return early.redactor }
        return Redactor(snapshot: snapshot, slugKey: configuration.effectiveSubjectSlugKey,
                        contextNames: configuration.masksContextNames)
    }
}

/// A redactor made before the snapshot was validated, with what it was made from.
struct EarlyRedactor: Sendable {
    let redactor: Redactor
    let source: Redactor.Source
}
