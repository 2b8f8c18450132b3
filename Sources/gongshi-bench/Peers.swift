import Foundation

/// Hugo and Pagefind beside gongshi, on the same records in the same run: a figure only
/// counts as a ratio measured beside the peer on the same machine.
///
/// The published rows of a gongshi build are exported as a Hugo site (`scripts/hugo-site`:
/// one Markdown page per record, report, case, commitment, list entry and subject, minimal
/// layouts, pagination and Hugo's sitemap; no redaction, no search). Each round builds both
/// from nothing, the order alternating, and copies gongshi's output with `cp -a` (what the
/// disk allows for that tree). Pagefind (`scripts/pagefind-bench`) then indexes Hugo's output
/// and runs the bench's queries in headless Chromium, counting the bytes served.
enum Peers {
    /// Rounds of each measurement.
    static let rounds = 3

    /// One size's measurements.
    struct Figures {
        var gongshi: [(seconds: Double, megabytes: Int)] = []
        var hugo: [(seconds: Double, megabytes: Int)] = []
        var copy: [Double] = []
        var gongshiPages = 0
        var hugoPages = 0
        var pagefind: [String: Any]?
    }

    /// Whether Hugo is installed (Debian's `hugo`).
    static var hugo: String? {
        ["/usr/bin/hugo", "/usr/local/bin/hugo"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Builds `snapshot` with gongshi and its export with Hugo `rounds` times each, copies
    /// gongshi's output, and runs Pagefind on Hugo's output with `queries`.
    static func measure(
        size: Int, snapshot: String, gongshi: String, work: String, trash: String, today: String,
        queries: [String]
    ) throws -> Figures? {
        guard let hugo else { return nil }
        let gongshiOut = "\(work)/peer-gongshi-\(size)"
        let report = "\(work)/peer-report-\(size).json"
        // A first build, unmeasured, names the rows gongshi publishes (its report) and warms
        // the snapshot's pages into the page cache of the system, for both.
        try moveAside([gongshiOut, "\(gongshiOut).manifest.json", "\(work)/.peer-gongshi-\(size).gongshi-cache",
                       "\(work)/.peer-gongshi-\(size).gongshi-previous"], to: trash)
        _ = try ChildProcess.run([gongshi, "build", "--snapshot", snapshot, "--site", ".", "--out", gongshiOut,
                                  "--as-of", today, "--full", "--report", report])
        let source = "\(work)/hugo-source-\(size)"
        let (status, output) = try ChildProcess.capture(["/usr/bin/python3", "scripts/hugo-site", snapshot, report, source])
        guard status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "hugo-site: \(output)"]) }
        var figures = Figures()
        let hugoOut = "\(work)/peer-hugo-\(size)"
        let copyOut = "\(work)/peer-copy-\(size)"
        for round in 0..<rounds {
            for peer in round % 2 == 0 ? ["gongshi", "hugo"] : ["hugo", "gongshi"] {
                if peer == "gongshi" {
                    try moveAside([gongshiOut, "\(gongshiOut).manifest.json", "\(work)/.peer-gongshi-\(size).gongshi-cache",
                                   "\(work)/.peer-gongshi-\(size).gongshi-previous"], to: trash)
                    let run = try ChildProcess.run([gongshi, "build", "--snapshot", snapshot, "--site", ".", "--out", gongshiOut,
                                                    "--as-of", today, "--full", "--report", report])
                    guard run.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "gongshi build"]) }
                    figures.gongshi.append((run.seconds, run.peakKilobytes / 1024))
                } else {
                    try moveAside([hugoOut], to: trash)
                    let run = try ChildProcess.run([hugo, "--source", source, "--destination", hugoOut, "--quiet"])
                    guard run.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "hugo"]) }
                    figures.hugo.append((run.seconds, run.peakKilobytes / 1024))
                }
            }
            try moveAside([copyOut], to: trash)
            let copy = try ChildProcess.run(["/bin/cp", "-a", gongshiOut, copyOut])
            figures.copy.append(copy.seconds)
        }
        let published = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report)))
        figures.gongshiPages = (published as? [String: Any])?["pages"] as? Int ?? 0
        figures.hugoPages = countFiles(named: "index.html", under: hugoOut)
        let queryFile = "\(work)/peer-queries.json"
        try JSONSerialization.data(withJSONObject: queries).write(to: URL(fileURLWithPath: queryFile))
        let python = FileManager.default.isExecutableFile(atPath: ".venv/bin/python") ? ".venv/bin/python" : "/usr/bin/python3"
        let (pagefindStatus, pagefindOutput) = try ChildProcess.capture([python, "scripts/pagefind-bench", source, hugoOut, queryFile])
        if pagefindStatus == 0, let line = pagefindOutput.split(separator: "\n").last,
           let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
            figures.pagefind = object
        } else {
            Swift.print("pagefind: not measured (\(pagefindOutput.suffix(300)))")
        }
        return figures
    }

    /// Prints the side-by-side table of every size: gongshi's value, the peer's and the
    /// ratio, each as the range over the rounds (ratios taken round by round).
    static func print(_ sizes: [(size: Int, figures: Figures, search: Bench.SearchFigures)], hugoVersion: String) {
        Swift.print("")
        Swift.print("gongshi beside its peers, same machine, same run (\(rounds) rounds each, order alternating; "
            + "\(hugoVersion); Pagefind with its Chinese segmentation):")
        Swift.print("")
        Swift.print(Bench.row(["records", "measure", "gongshi", "peer", "peer ÷ gongshi"]))
        Swift.print(Bench.row(Array(repeating: "---", count: 5)))
        for (size, figures, search) in sizes {
            let ratios = zip(figures.hugo, figures.gongshi).map { $0.seconds / $1.seconds }
            Swift.print(Bench.row(["\(size)", "full build, wall s (Hugo)", range(figures.gongshi.map(\.seconds)),
                                   range(figures.hugo.map(\.seconds)), range(ratios, suffix: "×")]))
            Swift.print(Bench.row(["\(size)", "pages (Hugo: one per row, plus lists)", "\(figures.gongshiPages)", "\(figures.hugoPages)",
                                   Bench.fmt(Double(figures.hugoPages) / Double(max(figures.gongshiPages, 1))) + "×"]))
            let perPage = zip(figures.hugo, figures.gongshi).map {
                ($0.seconds / Double(max(figures.hugoPages, 1))) / ($1.seconds / Double(max(figures.gongshiPages, 1)))
            }
            Swift.print(Bench.row(["\(size)", "time per page (Hugo)", "-", "-", range(perPage, suffix: "×")]))
            Swift.print(Bench.row(["\(size)", "peak RSS MB (Hugo)", range(figures.gongshi.map { Double($0.megabytes) }, digits: 0),
                                   range(figures.hugo.map { Double($0.megabytes) }, digits: 0),
                                   range(zip(figures.hugo, figures.gongshi).map { Double($0.megabytes) / Double($1.megabytes) }, suffix: "×")]))
            let copyRatios = zip(figures.gongshi, figures.copy).map { $0.seconds / $1 }
            Swift.print(Bench.row(["\(size)", "`cp -a` of gongshi's output, wall s (gongshi ÷ cp)", range(figures.gongshi.map(\.seconds)),
                                   range(figures.copy), range(copyRatios, suffix: "×")]))
            guard let pagefind = figures.pagefind else { continue }
            let queries = (pagefind["queries"] as? [[String: Any]]) ?? []
            let bytes = queries.compactMap { $0["bytes"] as? Int }.sorted()
            if !bytes.isEmpty {
                Swift.print(Bench.row(["\(size)", "search: bytes per query, median KB (Pagefind)", Bench.fmt(Double(search.median) / 1024),
                                       Bench.fmt(Double(bytes[bytes.count / 2]) / 1024),
                                       Bench.fmt(Double(bytes[bytes.count / 2]) / Double(max(search.median, 1))) + "×"]))
                Swift.print(Bench.row(["\(size)", "search: bytes per query, max KB (Pagefind)", Bench.fmt(Double(search.maximum) / 1024),
                                       Bench.fmt(Double(bytes.last!) / 1024),
                                       Bench.fmt(Double(bytes.last!) / Double(max(search.maximum, 1))) + "×"]))
            }
            let indexBytes = pagefind["index_bytes"] as? Int ?? 0
            Swift.print(Bench.row(["\(size)", "search index, MB on disk (Pagefind)", Bench.fmt(Double(search.indexBytes) / 1_048_576),
                                   Bench.fmt(Double(indexBytes) / 1_048_576), Bench.fmt(Double(indexBytes) / Double(max(search.indexBytes, 1))) + "×"]))
            Swift.print(Bench.row(["\(size)", "search index, s to make (Pagefind; gongshi's is part of its build)", "-",
                                   Bench.fmt(pagefind["index_seconds"] as? Double ?? 0), "-"]))
            let checked = pagefind["recall_checked"] as? Int ?? 0, found = pagefind["recall_found"] as? Int ?? 0
            Swift.print(Bench.row(["\(size)", "search: recall on title substrings (Pagefind)", search.recall,
                                   checked == 0 ? "-" : "\(found) of \(checked) (\(Bench.fmt(100 * Double(found) / Double(checked)))%)", "-"]))
        }
    }

    /// "low–high" of `values` (one value when they are equal at that precision).
    static func range(_ values: [Double], digits: Int = 2, suffix: String = "") -> String {
        guard let low = values.min(), let high = values.max() else { return "-" }
        let format = "%.\(digits)f"
        let (a, b) = (String(format: format, low), String(format: format, high))
        return (a == b ? a : "\(a)–\(b)") + suffix
    }

    /// Moves `paths` that exist into `trash` (deleted after the last measurement: ext4 is slow
    /// to create files for minutes after a mass deletion).
    static func moveAside(_ paths: [String], to trash: String) throws {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: trash, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: path, toPath: "\(trash)/\(UUID().uuidString)")
        }
    }

    /// Files named `name` under `folder`.
    static func countFiles(named name: String, under folder: String) -> Int {
        var count = 0
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            if (path as NSString).lastPathComponent == name { count += 1 }
        }
        return count
    }
}
