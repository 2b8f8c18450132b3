import Foundation
import Messages
import Redaction
import SearchIndex

/// Judges a site's search index by what it answers, not by its bytes: the shards hold pairs of
/// characters, and a pair of a person's name also stands in other words (于兰 in 关于兰州). A name,
/// address or override phrase is a finding only when the index returns a document for it as a
/// query (``SearchEngine``, the client's own algorithm) and that document's page does not show
/// every term the query matched: the index then holds text its page does not, which is how an
/// unredacted value gets into an index (a term made from text after the redactor had seen it).
/// A document whose page shows the terms is judged by the page's own scan.
enum SearchIndexAudit {
    /// The findings for the index under `root/search/` (none when there is no index).
    static func findings(root: URL, scanner: LeakScanner) throws -> Set<AuditFinding> {
        let search = root.appendingPathComponent("search")
        guard FileManager.default.fileExists(atPath: search.appendingPathComponent("manifest.json").path) else { return [] }
        let engine = SearchEngine { path in try Data(contentsOf: search.appendingPathComponent(path)) }
        var pageTerms: [String: Set<String>] = [:]
        func terms(ofPage path: String) -> Set<String> {
            let folder = path.split(separator: "#", maxSplits: 1).first.map(String.init) ?? path
            if let cached = pageTerms[folder] { return cached }
            var terms = Set<String>()
            if let data = try? Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent("index.html")) {
                OutputText.forEachPiece(of: data, format: .markup) { piece in
                    terms.formUnion(SearchTokenizer.terms(String(String.UnicodeScalarView(piece))))
                }
            }
            pageTerms[folder] = terms
            return terms
        }
        var findings = Set<AuditFinding>()
        let needles = scanner.textNeedleKeys.map { ($0.key, "\($0.rule) from \($0.origin)") }
            + scanner.numberNeedles.map { ($0.digits, "number from \($0.origin)") }
        for (query, problem) in needles {
            let queryTerms = SearchTokenizer.queryTerms(query)
            guard !queryTerms.isEmpty else { continue }
            let result = try engine.search(query, pageSize: 50)
            for hit in result.hits {
                let shown = terms(ofPage: hit.path)
                let missing = queryTerms.contains { term in
                    switch term {
                    case .han(let text): return !shown.contains(text)
                    case .word(let word, let prefix): return prefix ? !shown.contains { $0.hasPrefix(word) } : !shown.contains(word)
                    }
                }
                if missing {
                    findings.insert(AuditFinding(file: "search/", problem: Message("audit_search", ["query": "\(problem)", "path": hit.path])))
                }
            }
        }
        return findings
    }
}
