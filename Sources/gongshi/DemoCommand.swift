import ArgumentParser
import CreditVocabulary
import DemoSnapshot

/// `gongshi demo`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Write the built-in demo snapshot (dates relative to --today).")

    @Option(help: "Where to write the snapshot.") var out: String = "demo.sqlite"
    @Option(help: "The day the demo's dates are relative to (default: today).") var today: CivilDate?

    func run() throws {
        try DemoSnapshot.write(to: out, today: today ?? .today())
        print("gongshi: wrote the demo snapshot to \(out)")
    }
}
