import DisclosurePolicy
import Foundation
import JSONText
import SnapshotModel

/// The rows the policy withholds, as the report lists them: the reasons go to the report
/// alone (a national build withholds a million rows), so their lines, and the JSON of them
/// (the report's longest part), are made beside the rest of the build.
struct WithheldRows: Sendable {
    /// The report's lines.
    let lines: BuildReport.WithheldLines
    /// Their JSON, written ahead into the cache folder; nil without a report (or when it
    /// could not be written: the report then writes them itself).
    let json: PrewrittenJSON?

    /// The lines of `reasons`, and their JSON written into `reportParts` when a report is made.
    init(_ reasons: [RowRef: WithholdReason], prewritingIn reportParts: URL?) {
        let lines = BuildReport.WithheldLines(reasons)
        self.lines = lines
        json = reportParts.flatMap { try? PrewrittenJSON(BuildReport.json(withheld: lines), depth: 1, in: $0) }
    }
}
