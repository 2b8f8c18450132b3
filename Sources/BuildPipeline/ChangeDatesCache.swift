import CreditVocabulary
import Crypto
import DisclosurePolicy
import Foundation
import Messages
import SnapshotModel
import StableDigest

/// The update date and the next change of the last build, kept in the cache folder
/// (`change-dates.json`) with a digest of everything the policy reads: the program, the
/// policy settings and audience, and every row of the snapshot (all their columns, so a
/// change to any row counts; the long bodies, which the policy never reads, do not).
///
/// The shown rows only change on the dates these name, so for the same inputs and an as-of
/// date from the stored one up to (not including) the stored next change, both dates are
/// the stored ones: a build whose snapshot changed only in its bodies, or that runs a day
/// later with nothing due in between, does not evaluate the policy on two more days.
struct ChangeDatesCache {
    /// The digest of the policy's inputs.
    let key: [UInt8]

    /// The key of `snapshot` under `policy`. Rows are written a chunk at a time into the
    /// hash (a national snapshot's rows would otherwise make one buffer of hundreds of MB).
    init(snapshot: Snapshot, policy: DisclosurePolicy) {
        var hasher = SHA256()
        func add(_ text: String) {
            hasher.update(data: Array("\(text.utf8.count):\(text)".utf8))
        }
        func add<Row: DigestWritable>(_ table: String, _ rows: [Row]) {
            add("\(table) \(rows.count)")
            var writer = DigestWriter()
            for row in rows {
                row.write(to: &writer)
                if writer.bytes.count >= 1 << 16 {
                    hasher.update(data: writer.bytes)
                    writer = DigestWriter()
                }
            }
            hasher.update(data: writer.bytes)
        }
        add("gongshi change dates 1")
        add(BuildFingerprint.programIdentity().map(String.init).joined(separator: ","))
        add(String(describing: policy.configuration))
        add(policy.audience.rawValue)
        add("subjects", snapshot.subjects)
        add("cases", snapshot.cases)
        add("reports", snapshot.reports)
        add("records", snapshot.records)
        add("listEntries", snapshot.listEntries)
        add("commitments", snapshot.commitments)
        add("rectifications", snapshot.rectifications)
        add("interviews", snapshot.interviews)
        add("repairActions", snapshot.repairActions)
        add("objections \(snapshot.objections.count)")
        for objection in snapshot.objections { hasher.update(data: StableDigest.of(objection)) }
        add("caseSubjects \(snapshot.caseSubjects.count)")
        for link in snapshot.caseSubjects { add("\(link.caseID)\u{0}\(link.subjectID)\u{0}\(link.role.rawValue)") }
        add("invalidRows \(snapshot.invalidRows.count)")
        for (ref, problem) in snapshot.invalidRows.sorted(by: { $0.key < $1.key }) { add("\(ref)\u{0}\(problem.text(in: .english))") }
        key = Array(hasher.finalize())
    }

    /// What the file holds.
    private struct Stored: Codable {
        var key: String
        var asOf: String
        var last: String?
        var next: String?
    }

    /// The stored dates when they hold for `asOf`; nil otherwise (or without a readable file).
    func dates(at url: URL, asOf: CivilDate) -> (last: CivilDate?, next: CivilDate?)? {
        guard let data = try? Data(contentsOf: url), let stored = try? JSONDecoder().decode(Stored.self, from: data),
              stored.key == StableDigest.hex(key), let storedAsOf = CivilDate(iso: stored.asOf), storedAsOf <= asOf
        else { return nil }
        let last = stored.last.flatMap(CivilDate.init(iso:))
        let next = stored.next.flatMap(CivilDate.init(iso:))
        guard (stored.last == nil) == (last == nil), (stored.next == nil) == (next == nil) else { return nil }
        if let next, asOf >= next { return nil }
        return (last, next)
    }

    /// Stores the dates worked out for `asOf` (a temporary file, then a rename); a failure
    /// only means the next build works them out again.
    func store(at url: URL, asOf: CivilDate, last: CivilDate?, next: CivilDate?) {
        let stored = Stored(key: StableDigest.hex(key), asOf: asOf.iso, last: last?.iso, next: next?.iso)
        guard let data = try? JSONEncoder().encode(stored) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }
}
