import ArgumentParser
import BuildPipeline
import CreditVocabulary
import Foundation
import Messages
import SiteOutput

/// `gongshi rollback`: rebuilds the site for today from the snapshot of the build before the
/// last, after a bad export was published.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Rebuild --out for today from the snapshot of the build before the last one (kept in --state), audited; then run gongshi publish.",
        discussion: """
            The previous site itself is not put back: it was built for an earlier day, and a \
            window may have closed since. The rebuild applies today's disclosure periods to the \
            previous export, reusing the previous site's files. The export turned away is kept \
            as NAME.rejected.snapshot.sqlite, and a build refuses the same bytes again, so the \
            next daily run does not publish it anew.
            """)

    @Option(help: "The site folder.") var site: String = "."
    @Option(help: "The built site.") var out: String = "public"
    @Option(help: "The state folder the builds used (--state).") var state: String
    @Option(name: .customLong("as-of"), help: "The as-of date, YYYY-MM-DD (default: today in China Standard Time).")
    var asOf: CivilDate?
    @Option(help: "public or internal.") var audience: Audience = .public

    func run() async throws {
        let paths = try StagedOutput.statePaths(destination: URL(fileURLWithPath: out).standardizedFileURL, state: state)
        guard let previous = KeptSnapshots.previous(paths) else {
            fail("rollback_no_previous", ["path": paths.previousSnapshot.path, "state": state])
            throw ExitCode(1)
        }
        let day = asOf ?? .today()
        do {
            let result = try await SiteBuilder.build(BuildOptions(snapshot: previous.path, site: site, out: out, asOf: day, audience: audience,
                                                            auditBeforePublishing: true, state: state)) { notice in
                printError("gongshi: " + notice.text)
            }
            try KeptSnapshots.reject(paths)
            say("rollback_done", ["out": out, "date": day.iso, "added": "\(result.output.added)",
                                  "changed": "\(result.output.changed)", "removed": "\(result.output.removed)"])
            say("rollback_next", ["path": paths.rejectedSnapshot.path])
        } catch {
            printFailure(error)
            tell("rollback_nothing", ["out": out])
            throw ExitCode(1)
        }
    }
}
