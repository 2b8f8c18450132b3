import ArgumentParser
import DisclosurePolicy
import SiteConfig
import SnapshotReader

/// `gongshi check`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "List every problem of a snapshot; exit 1 when it has errors.")

    @Option(help: "The snapshot file.") var snapshot: String
    @Option(help: "The site folder, for its limits (default: the built-in limits).") var site: String?

    func run() throws {
        do {
            let limit = try site.map { try SiteFolder.load($0).configuration.maximumMarkdownCharacters }
            let reader = try SnapshotReader(file: snapshot, maximumBodyCharacters: limit ?? Int(SnapshotSchema.maximumBodyCharacters))
            let reading = try reader.read()
            let problems = reading.problems + (try reader.unsafeCharacterWarnings(in: reading.snapshot))
                + DisclosurePolicy().ruleWarnings(reading.snapshot, asOf: .today())
            for problem in problems { print(problem) }
            let errors = problems.filter { $0.severity == .error }.count
            let warnings = problems.count - errors
            let blocking = reading.blockingErrors.count
            print("\(snapshot): \(errors) errors (\(blocking) blocking the build, \(errors - blocking) withholding rows), \(warnings) warnings")
            if errors > 0 { throw ExitCode(1) }
        } catch let error as SnapshotOpenError {
            printFailure(error)
            throw ExitCode(1)
        } catch let error as SiteFolderError {
            printFailure(error)
            throw ExitCode(1)
        }
    }
}
