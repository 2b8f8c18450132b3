import SiteOutput

/// What one publication sends to the web host, in the order it sends it, worked out from the
/// local site's manifest and the manifest the host last confirmed. Pure.
///
/// The order keeps every link a reader can follow pointing at a file the host has: first the
/// files that link to nothing (styles, scripts, search shards, data), then pages new in this
/// publication (only changed pages and lists link to them), then changed pages, then the
/// lists that name other files (`sitemap.xml`, the feeds, `search/manifest.json`), and only
/// then the deletions.
public struct PublishPlan: Equatable, Sendable {
    /// One group of uploads, sent before the next starts.
    public struct Batch: Equatable, Sendable {
        /// What the group holds.
        public var kind: Kind
        /// Paths relative to the site, sorted.
        public var paths: [String]
    }

    /// The kinds of upload, in the order they are sent.
    public enum Kind: String, CaseIterable, Sendable {
        /// Files that link to nothing.
        case content
        /// Pages the host does not have yet.
        case newPages = "new pages"
        /// Pages the host has in another version.
        case changedPages = "changed pages"
        /// Files listing other files.
        case lists
    }

    /// The uploads, in order; empty groups are left out.
    public var batches: [Batch]
    /// Paths the host has (by its confirmed manifest) and the site does not, sorted.
    public var removed: [String]
    /// Whether the host's contents are unknown (no confirmed manifest): every file is listed,
    /// and the transport sends only those whose bytes differ.
    public var hostUnknown: Bool

    /// Every path to upload, in order.
    public var uploads: [String] { batches.flatMap(\.paths) }

    /// Whether the host already holds exactly the site (by its confirmed manifest).
    public var isEmpty: Bool { batches.isEmpty && removed.isEmpty }

    /// The plan that makes a host holding `host` (nil: unknown) hold `local`.
    public init(local: DeployManifest, host: DeployManifest?) {
        var groups: [Kind: [String]] = [:]
        for (path, entry) in local.files {
            let previous = host?.files[path]
            guard previous != entry else { continue }
            let kind: Kind
            if Self.listsOtherFiles(path) {
                kind = .lists
            } else if path.hasSuffix(".html") {
                kind = previous == nil && host != nil ? .newPages : .changedPages
            } else {
                kind = .content
            }
            groups[kind, default: []].append(path)
        }
        batches = Kind.allCases.compactMap { kind in
            guard let paths = groups[kind], !paths.isEmpty else { return nil }
            return Batch(kind: kind, paths: paths.sorted())
        }
        removed = (host?.files.keys.filter { local.files[$0] == nil } ?? []).sorted()
        hostUnknown = host == nil
    }

    /// Whether `path` is a list of other files, sent after them.
    static func listsOtherFiles(_ path: String) -> Bool {
        path.hasSuffix(".xml") || path == "search/manifest.json"
    }
}
