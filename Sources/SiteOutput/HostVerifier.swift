import Foundation
import StableDigest

/// What `gongshi verify` checks on the web host, and how it judges the answers. Pure: the
/// caller fetches. Every path of the removal ledger must answer 404 or 410, both as the file
/// and, for a page, as its folder address (`records/R1/`); the paths the last publication
/// added or changed, the entry pages and a rotating sample of the rest must answer 200 with
/// the manifest's SHA-256.
public enum HostVerifier {
    /// One request and what its answer must be.
    public struct Check: Hashable, Sendable {
        /// The path relative to the site's base URL (`records/R1/`, `index.html`).
        public var path: String
        /// The bytes the answer must have, or nil when it must be 404 or 410.
        public var expected: FileDigest?
    }

    /// A check the host failed.
    public struct Failure: Hashable, Sendable, CustomStringConvertible {
        /// The path.
        public var path: String
        /// What was wrong.
        public var problem: String

        /// A failure of `path`.
        public init(path: String, problem: String) {
            self.path = path
            self.problem = problem
        }

        public var description: String { "\(path): \(problem)" }
    }

    /// Files always checked when present: the pages a citizen lands on and the lists a
    /// crawler reads.
    static let entryPaths = ["index.html", "sitemap.xml", "feed.xml", "search/manifest.json"]

    /// The checks for a site whose manifest is `manifest`, whose last publication touched
    /// `touched` (added and changed paths), with `ledger`'s removals; at most `sample` other
    /// present files, chosen by `rotation` (a day number: another sample each day).
    public static func checks(manifest: DeployManifest, touched: [String], ledger: RemovalLedger,
                              sample: Int, rotation: Int) -> [Check] {
        var checks: [Check] = []
        var seen = Set<String>()
        func present(_ path: String) {
            guard let entry = manifest.files[path], seen.insert(path).inserted else { return }
            checks.append(Check(path: path, expected: entry.sha256))
        }
        for path in ledger.removedAt.keys.sorted() where manifest.files[path] == nil {
            checks.append(Check(path: path, expected: nil))
            if path.hasSuffix("/index.html") {
                checks.append(Check(path: String(path.dropLast("index.html".count)), expected: nil))
            }
        }
        entryPaths.forEach(present)
        touched.sorted().forEach(present)
        let rest = manifest.files.keys.filter { !seen.contains($0) }.sorted()
        if sample > 0, !rest.isEmpty {
            let step = max(1, rest.count / sample)
            var index = ((rotation % step) + step) % step
            var taken = 0
            while index < rest.count, taken < sample {
                present(rest[index])
                index += step
                taken += 1
            }
        }
        return checks
    }

    /// The failure of one check given the answer's status and body, or nil.
    public static func judge(_ check: Check, status: Int, body: Data) -> Failure? {
        guard let expected = check.expected else {
            return status == 404 || status == 410 ? nil
                : Failure(path: check.path, problem: "answers \(status); it was removed and must answer 404 or 410")
        }
        guard status == 200 else {
            return Failure(path: check.path, problem: "answers \(status), expected 200 with the published bytes")
        }
        return FileDigest(of: body) == expected ? nil
            : Failure(path: check.path, problem: "the host's bytes differ from the published file's (an old or edited copy)")
    }
}
