import CreditVocabulary
import DemoSnapshot
import Foundation
import GRDB
import SearchIndex
import SiteOutput

/// `make bench`: builds synthetic snapshots of several sizes with the release `gongshi` and
/// prints, per size, wall time, pages per second, peak memory, output files and bytes, for a
/// full build and for a rebuild after one record changed; then, for every size, the search
/// index's size and the bytes a set of queries fetches, and measured recall; and the reviewer
/// preview's latency and memory on each snapshot. `--search-only` makes the full build, the
/// preview and the search figures only.
@main
struct Bench {
    static func main() throws {
        var sizes = [10_000, 100_000, 1_000_000]
        var gongshi = ".build/release/gongshi"
        var work = ".cache/bench"
        var searchOnly = false
        var peers = true
        if CommandLine.arguments.dropFirst().first == "--measure" {
            ChildProcess.measure(Array(CommandLine.arguments.dropFirst(2)))
        }
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--sizes": sizes = (arguments.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--gongshi": gongshi = arguments.next() ?? gongshi
            case "--work": work = arguments.next() ?? work
            case "--search-only": searchOnly = true
            case "--no-peers": peers = false
            default:
                print("usage: gongshi-bench [--sizes 10000,100000,1000000] [--gongshi PATH] [--work DIR] [--search-only] [--no-peers]")
                exit(2)
            }
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let trash = "\(work)/trash"
        let today = CivilDate(iso: "2026-11-24")!
        print("gongshi benchmark on \(ProcessInfo.processInfo.activeProcessorCount) cores; as-of \(today); release build")
        print("")
        print(row(["records", "build", "wall s", "pages", "pages/s", "peak RSS MB", "files", "output MB", "files rewritten"]))
        print(row(Array(repeating: "---", count: 9)))
        var redactionShares: [(size: Int, share: (fields: Int, characters: Int, seconds: Double), full: Double)] = []
        var searchOutputs: [(size: Int, out: String)] = []
        var publications: [(size: Int, step: String, written: Int, sent: Int, deleted: Int)] = []
        var searchRewritten: [(size: Int, step: String, files: (added: Int, changed: Int, removed: Int, total: Int))] = []
        var previews: [(size: Int, figures: PreviewLatency.Figures)] = []
        for size in sizes {
            let snapshot = "\(work)/synthetic-\(size).sqlite"
            if !FileManager.default.fileExists(atPath: snapshot) {
                try SyntheticSnapshot.write(to: snapshot, records: size, today: today, seed: 42)
            }
            let out = "\(work)/out-\(size)"
            // The last run's output is moved aside, and deleted after the last measurement:
            // ext4 without a journal skips inodes deleted in the last minutes when it
            // allocates new ones, which made a full build after deleting the last run's tree
            // spend more time in the kernel than in gongshi.
            let host = "\(work)/host-\(size)"
            for leftover in [out, "\(work)/.out-\(size).gongshi-previous", "\(work)/.out-\(size).gongshi-cache",
                             "\(work)/.out-\(size).gongshi-previous.manifest.json", "\(out).manifest.json",
                             "\(work)/.out-\(size).gongshi-host.manifest.json", host]
            where FileManager.default.fileExists(atPath: leftover) {
                try FileManager.default.createDirectory(atPath: trash, withIntermediateDirectories: true)
                try FileManager.default.moveItem(atPath: leftover, toPath: "\(trash)/\(UUID().uuidString)")
            }
            let report = "\(work)/report-\(size).json"
            let full = try ChildProcess.run([gongshi, "build", "--snapshot", snapshot, "--site", ".", "--out", out,
                                             "--as-of", today.iso, "--report", report])
            guard full.status == 0 else { print("build of \(size) failed"); exit(1) }
            let (pages, files, bytes, _) = try summary(report: report, out: out)
            redactionShares.append((size, try RedactionShare.measure(snapshot: snapshot), full.seconds))
            print(row(["\(size)", "full", fmt(full.seconds), "\(pages)", "\(Int(Double(pages) / full.seconds))",
                       "\(full.peakKilobytes / 1024)", "\(files)", fmt(Double(bytes) / 1_048_576), "\(files)"]))
            previews.append((size, try PreviewLatency.measure(gongshi: gongshi, snapshot: snapshot, work: work)))
            if searchOnly {
                searchOutputs.append((size, out))
                continue
            }

            // The same snapshot again: nothing changes, and the site now has a previous site
            // and a page cache, as every daily build after the first has.
            let same = try ChildProcess.run([gongshi, "build", "--snapshot", snapshot, "--site", ".", "--out", out,
                                             "--as-of", today.iso, "--report", report])
            let (pages1, files1, bytes1, rewritten1) = try summary(report: report, out: out)
            print(row(["\(size)", "nothing changed", fmt(same.seconds), "\(pages1)", "-", "\(same.peakKilobytes / 1024)",
                       "\(files1)", fmt(Double(bytes1) / 1_048_576), "\(rewritten1)"]))

            // What the daily upload is: publish to a folder (rsync, as over SSH); the counts of
            // the publications after the first are printed.
            func publish() throws -> (sent: Int, deleted: Int) {
                let (status, output) = try ChildProcess.capture([gongshi, "publish", "--out", out, "--site", ".", "--to", host + "/sxalhc", "--no-verify"])
                guard status == 0 else { print("publish of \(size) failed: \(output)"); exit(1) }
                return Self.publicationCounts(output)
            }
            func publish(_ step: String, written: Int) throws {
                let counts = try publish()
                publications.append((size, step, written, counts.sent, counts.deleted))
            }
            // The first publication: the host gets the whole site.
            _ = try publish()

            // One record changes: its facts get a correction.
            let changed = "\(work)/synthetic-\(size)-changed.sqlite"
            try? FileManager.default.removeItem(atPath: changed)
            try FileManager.default.copyItem(atPath: snapshot, toPath: changed)
            let published = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
            let recordID = ((published?["published"] as? [String: [String]])?["records"] ?? []).first ?? ""
            let queue = try DatabaseQueue(path: changed)
            try queue.write { db in
                try db.execute(sql: "UPDATE records SET facts_md = facts_md || '（已更正）' WHERE id = ?", arguments: [recordID])
            }
            try queue.close()
            let again = try ChildProcess.run([gongshi, "build", "--snapshot", changed, "--site", ".", "--out", out,
                                              "--as-of", today.iso, "--report", report])
            let (pages2, files2, bytes2, rewritten) = try summary(report: report, out: out)
            print(row(["\(size)", "one record changed", fmt(again.seconds), "\(pages2)", "-", "\(again.peakKilobytes / 1024)",
                       "\(files2)", fmt(Double(bytes2) / 1_048_576), "\(rewritten)"]))
            searchRewritten.append((size, "one record changed", try searchFilesRewritten(out: out)))
            // After the one-record change, and after the next day on which a window closes.
            try publish("one record changed", written: rewritten)
            if let next = (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])?["next_change"] as? String {
                let closing = try ChildProcess.run([gongshi, "build", "--snapshot", changed, "--site", ".", "--out", out,
                                                    "--as-of", next, "--report", report])
                guard closing.status == 0 else { print("build of \(size) for \(next) failed"); exit(1) }
                searchRewritten.append((size, "next change (\(next))", try searchFilesRewritten(out: out)))
                try publish("next change (\(next))", written: try summary(report: report, out: out).rewritten)
            }
            searchOutputs.append((size, out))
        }
        print("")
        print("files written by the build and sent by `gongshi publish` (rsync, after the first publication of the full build):")
        print("")
        print(row(["records", "day", "files written", "files sent", "files deleted"]))
        print(row(Array(repeating: "---", count: 5)))
        for publication in publications {
            print(row(["\(publication.size)", publication.step, "\(publication.written)", "\(publication.sent)", "\(publication.deleted)"]))
        }
        print("")
        print("search index files rewritten by the build (target after one record changed: at most 20):")
        print("")
        print(row(["records", "day", "added", "changed", "removed", "of files"]))
        print(row(Array(repeating: "---", count: 6)))
        for (size, step, files) in searchRewritten {
            print(row(["\(size)", step, "\(files.added)", "\(files.changed)", "\(files.removed)", "\(files.total)"]))
        }
        print("")
        for (size, share, fullSeconds) in redactionShares {
            print("redaction alone at \(size) records: \(share.fields) fields, \(fmt(Double(share.characters) / 1_000_000)) M characters, "
                + "\(fmt(share.seconds)) s on one core (\(fmt(100 * share.seconds / fullSeconds))% of the full build's wall time)")
        }
        if !previews.isEmpty {
            print("")
            print("reviewer preview (`gongshi preview`, loopback; record pages made for the first time, then again from its memo):")
            print("")
            print(row(["records", "ready s", "pages", "first view median ms", "p95 ms", "again median ms", "p95 ms", "index ms", "peak RSS MB"]))
            print(row(Array(repeating: "---", count: 9)))
            for (size, figures) in previews {
                print(row(["\(size)", fmt(figures.ready), "\(figures.pages)", fmt(figures.firstView.median), fmt(figures.firstView.p95),
                           fmt(figures.again.median), fmt(figures.again.p95), fmt(figures.index), "\(figures.peakMegabytes)"]))
            }
        }
        var searchBySize: [Int: SearchFigures] = [:]
        for (size, out) in searchOutputs {
            searchBySize[size] = try searchFigures(out: out, recall: !searchOnly)
        }
        // The peers, at the sizes Hugo builds in a few GB (not a million records).
        var compared: [(size: Int, figures: Peers.Figures, search: SearchFigures)] = []
        for size in sizes where peers && size <= 100_000 {
            guard let search = searchBySize[size] else { continue }
            guard let figures = try Peers.measure(
                size: size, snapshot: "\(work)/synthetic-\(size).sqlite", gongshi: gongshi, work: work, trash: trash,
                today: today.iso, queries: search.queries)
            else {
                print("")
                print("peers: not measured (Debian's hugo is not installed; `make bench` installs it)")
                break
            }
            compared.append((size, figures, search))
        }
        if !compared.isEmpty, let hugo = Peers.hugo {
            let version = (try? ChildProcess.capture([hugo, "version"]).output) ?? "hugo"
            Peers.print(compared, hugoVersion: String(version.split(separator: " ").prefix(2).joined(separator: " ")))
        }
        try? FileManager.default.removeItem(atPath: trash)
    }

    static func summary(report: String, out: String) throws -> (pages: Int, files: Int, bytes: Int, rewritten: Int) {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any] ?? [:]
        let output = json["output"] as? [String: Any] ?? [:]
        let rewritten = (output["added"] as? Int ?? 0) + (output["changed"] as? Int ?? 0) + (output["removed"] as? Int ?? 0)
        var files = 0
        var bytes = 0
        let enumerator = FileManager.default.enumerator(atPath: out)
        while let path = enumerator?.nextObject() as? String {
            if (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                files += 1
                bytes += (enumerator?.fileAttributes?[.size] as? NSNumber)?.intValue ?? 0
            }
            _ = path
        }
        return (json["pages"] as? Int ?? 0, files, bytes, rewritten)
    }

    /// The search index files the last build added, changed and removed (from its list of
    /// changes), and how many the index has.
    static func searchFilesRewritten(out: String) throws -> (added: Int, changed: Int, removed: Int, total: Int) {
        let changes = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + ".changes.json"))) as? [String: Any] ?? [:]
        func count(_ key: String) -> Int { (changes[key] as? [String] ?? []).filter { $0.hasPrefix("search/") }.count }
        let manifest = DeployManifest.load(URL(fileURLWithPath: out + ".manifest.json"))
        let total = manifest?.files.keys.filter { $0.hasPrefix("search/") }.count ?? 0
        return (count("added"), count("changed"), count("removed"), total)
    }

    /// What ``searchFigures(out:recall:)`` measured, for the peers' table.
    struct SearchFigures {
        var queries: [String]
        var median: Int
        var maximum: Int
        var indexBytes: Int
        var recall: String
    }

    /// Index size, bytes fetched per query, and recall on titles (printed, and returned).
    @discardableResult
    static func searchFigures(out: String, recall: Bool = true) throws -> SearchFigures {
        let root = URL(fileURLWithPath: out).appendingPathComponent("search")
        var indexFiles = 0
        var indexBytes = 0
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while enumerator?.nextObject() as? String != nil {
            if (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                indexFiles += 1
                indexBytes += (enumerator?.fileAttributes?[.size] as? NSNumber)?.intValue ?? 0
            }
        }
        func engine() -> SearchEngine {
            SearchEngine { path in try Data(contentsOf: root.appendingPathComponent(path)) }
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("manifest.json"))) as? [String: Any] ?? [:]
        let documents = manifest["documents"] as? Int ?? 0
        // Every result title of the index, to check recall on the real files.
        var titles: [(Int, String)] = []
        var texts: [String] = []
        let chunk = manifest["chunk"] as? Int ?? 32
        let span = manifest["span"] as? Int ?? 0
        for number in 0..<((span + chunk - 1) / chunk) {
            let url = root.appendingPathComponent("d/\(number).json")
            guard let data = try? Data(contentsOf: url) else { continue }  // no document has these numbers
            let rows = try JSONSerialization.jsonObject(with: data) as? [Any] ?? []
            for (offset, row) in rows.enumerated() {
                guard let row = row as? [String] else { continue }
                titles.append((number * chunk + offset, row[0]))
                texts.append(row[0] + "\n" + row[5])
            }
        }
        // The corpus's most frequent Han characters and pairs (in titles and snippets): the
        // queries whose posting lists are the longest.
        var characterCounts: [String: Int] = [:]
        var pairCounts: [String: Int] = [:]
        for text in texts {
            let han = Array(text.unicodeScalars)
            for (index, scalar) in han.enumerated() where SearchTokenizer.isHan(scalar) {
                characterCounts[String(scalar), default: 0] += 1
                if index + 1 < han.count, SearchTokenizer.isHan(han[index + 1]) {
                    pairCounts[String(String.UnicodeScalarView([scalar, han[index + 1]])), default: 0] += 1
                }
            }
        }
        func top(_ counts: [String: Int], _ count: Int) -> [String] {
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map(\.key)
        }
        // What every query's page costs before the index: the search page, its script and style.
        let site = URL(fileURLWithPath: out)
        let pageBytes = ["search/index.html", "search/search.js", "assets/style.css"].reduce(0) { sum, path in
            sum + ((try? Data(contentsOf: site.appendingPathComponent(path)).count) ?? 0)
        }
        let queries = ["非法集资", "集资", "虚假宣传", "假酒", "传销", "口腔医疗", "福州", "有限公司", "食品安全不达标", "拖欠农民工工资",
                       "价格欺诈", "明码标价", "物业服务", "91350", "罚〔2025〕", "重点关注名单"]
            + top(characterCounts, 3) + top(pairCounts, 3)
        var fetched: [Int] = []
        print("")
        print("search index (\(documents) documents): \(indexFiles) files, \(fmt(Double(indexBytes) / 1_048_576)) MB on disk")
        print("")
        print(row(["query", "results (first page)", "files fetched", "KB fetched"]))
        print(row(["---", "---", "---", "---"]))
        for query in queries {
            let search = engine()
            let result = try search.search(query)
            fetched.append(pageBytes + search.bytesFetched)
            let results = result.total.map(String.init) ?? "more than \(result.ids.count - 1)"
            print(row([query, results, "\(search.filesFetched.count)", fmt(Double(pageBytes + search.bytesFetched) / 1024)]))
        }
        let sorted = fetched.sorted()
        print("")
        print("bytes fetched per query, cold (search page, script and style: \(fmt(Double(pageBytes) / 1024)) KB; manifest, shards and "
            + "the first page's chunks): median \(fmt(Double(sorted[sorted.count / 2]) / 1024)) KB, max \(fmt(Double(sorted.last!) / 1024)) KB "
            + "(targets at 1M records: median 64 KB, max 256 KB)")

        var figures = SearchFigures(queries: queries, median: sorted[sorted.count / 2], maximum: sorted.last!, indexBytes: indexBytes,
                                    recall: "-")
        guard recall else {
            print("recall: not measured (--search-only)")
            return figures
        }
        // Recall: random Han substrings (2-4 characters) of titles must find every title holding them.
        var random = SeededGenerator(state: 7)
        var checked = 0
        var missed = 0
        for _ in 0..<120 {
            let (_, title) = titles[Int.random(in: 0..<titles.count, using: &random)]
            let han = Array(title.filter { SearchTokenizer.isHan($0.unicodeScalars.first!) })
            guard han.count >= 4 else { continue }
            let length = Int.random(in: 2...4, using: &random)
            let start = Int.random(in: 0...(han.count - length), using: &random)
            let query = String(han[start..<(start + length)])
            guard title.contains(query) else { continue }
            let found = Set(try engine().search(query, everything: true).ids)
            for (id, other) in titles where other.contains(query) {
                checked += 1
                if !found.contains(id) { missed += 1 }
            }
        }
        figures.recall = "\(checked - missed) of \(checked) (\(checked == 0 ? "-" : fmt(100 * Double(checked - missed) / Double(checked)))%)"
        print("recall on titles: \(checked - missed) of \(checked) expected matches found (\(checked == 0 ? "-" : fmt(100 * Double(checked - missed) / Double(checked)))%)")
        return figures
    }

    /// The files sent and deleted, from `gongshi publish`'s summary line.
    static func publicationCounts(_ output: String) -> (sent: Int, deleted: Int) {
        guard let line = output.split(separator: "\n").first(where: { $0.contains("files sent") }) else { return (0, 0) }
        func number(before word: String) -> Int {
            guard let range = line.range(of: word) else { return 0 }
            return Int(line[..<range.lowerBound].split(separator: " ").last ?? "") ?? 0
        }
        return (number(before: " files sent"), number(before: " deleted"))
    }

    static func fmt(_ value: Double) -> String { String(format: "%.2f", value) }

    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
}
