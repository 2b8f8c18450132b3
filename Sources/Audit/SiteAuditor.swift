import CreditVocabulary
import DisclosurePolicy
import Foundation
import Messages
import Redaction
import SiteConfig
import SnapshotModel
import SnapshotReader

/// `gongshi audit`: scans every file of an output folder for values the snapshot says must
/// never be public and for pages of, or links to, rows that must not be there.
public enum SiteAuditor {
    private static let rowFolders: [(folder: String, table: SnapshotTable)] = [
        ("records", .records), ("reports", .verificationReports), ("cases", .cases), ("commitments", .commitments),
        ("subjects", .subjects),
    ]

    /// The findings, sorted by file; empty when the output is clean.
    public static func audit(
        snapshot path: String, out: String, site sitePath: String, asOf: CivilDate, audience: Audience
    ) throws -> [AuditFinding] {
        let site = try SiteFolder.load(sitePath)
        let reader = try SnapshotReader(file: path, maximumBodyCharacters: site.configuration.maximumMarkdownCharacters)
        let snapshot = try reader.read().snapshot
        var scanner = LeakScanner(snapshot: snapshot, contextNames: site.configuration.masksContextNames)
        try collectFreeText(snapshot, reader: reader, into: &scanner)
        scanner.prepare()

        let policy = DisclosurePolicy(configuration: site.configuration.policy, audience: audience)
        let disclosure = policy.evaluate(snapshot, asOf: asOf)
        let redactor = Redactor(
            snapshot: snapshot, slugKey: site.configuration.effectiveSubjectSlugKey)
        var allowed: [String: Set<String>] = [:]
        for (folder, table) in rowFolders {
            let ids = disclosure.shownIDs(table)
            allowed[folder] = Set(table == .subjects ? ids.map(redactor.subjectSlug) : ids.map(redactor.path))
        }

        let root = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        var findings = Set<AuditFinding>()
        while let relative = enumerator.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let parts = relative.split(separator: "/")
                if parts.count == 2, let set = allowed[String(parts[0])], parts[1] != "page", !set.contains(String(parts[1])) {
                    findings.insert(AuditFinding(file: relative + "/", problem: Message("audit_row_page")))
                }
                continue
            }
            let data = try Data(contentsOf: url)
            let text = String(decoding: data, as: UTF8.self)
            let isShard = relative.hasPrefix("search/h/") || relative.hasPrefix("search/w/")
            for finding in scanner.scan(path: relative, data, names: !isShard) {
                findings.insert(AuditFinding(file: relative, problem: Message("audit_leak", ["rule": "\(finding.rule)", "origin": "\(finding.origin)"])))
            }
            for link in rowLinks(in: text) where allowed[link.folder].map({ !$0.contains(link.segment) }) ?? false {
                findings.insert(AuditFinding(file: relative, problem: Message("audit_link", ["target": "\(link.folder)/\(link.segment)/"])))
            }
        }
        findings.formUnion(try SearchIndexAudit.findings(root: root, scanner: scanner))
        return findings.sorted { ($0.file, $0.description) < ($1.file, $1.description) }
    }

    /// Every `FOLDER/SEGMENT/` in `text` for the row folders.
    static func rowLinks(in text: String) -> [(folder: String, segment: String)] {
        var links: [(String, String)] = []
        let scalars = Array(text.unicodeScalars)
        for (folder, _) in rowFolders {
            let needle = Array((folder + "/").unicodeScalars)
            var index = 0
            while index + needle.count < scalars.count {
                if scalars[index..<(index + needle.count)].elementsEqual(needle),
                   index == 0 || !isSegmentCharacter(scalars[index - 1]) {
                    var end = index + needle.count
                    while end < scalars.count, isSegmentCharacter(scalars[end]) { end += 1 }
                    if end < scalars.count, scalars[end] == "/", end > index + needle.count {
                        let segment = String(String.UnicodeScalarView(scalars[(index + needle.count)..<end]))
                        if segment != "page" { links.append((folder, segment)) }
                    }
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return links
    }

    private static func isSegmentCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F: return true
        default: return false
        }
    }

    /// Feeds every text column the build publishes to the scanner, and lets through
    /// override phrases that also stand in text no override covers.
    private static func collectFreeText(_ snapshot: Snapshot, reader: SnapshotReader, into scanner: inout LeakScanner) throws {
        let overridden = Set(snapshot.overrides.map { "\($0.target)|\($0.field)" })
        let phrases = scanner.overridePhrases
        try reader.forEachTextField(of: snapshot) { field in
            scanner.addFreeText(field.text, origin: "\(field.row).\(field.field)", markdown: field.isMarkdown)
            if !overridden.contains("\(field.row)|\(field.field)") {
                for phrase in phrases where field.text.contains(phrase) { scanner.allowPhrase(phrase) }
            }
        }
    }
}
