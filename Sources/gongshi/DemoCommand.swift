import ArgumentParser
import Messages
import CreditVocabulary
import DemoSnapshot

/// `gongshi demo`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Write the built-in demo snapshot (dates relative to --today).")

    @Option(help: "Where to write the snapshot.") var out: String = "demo.sqlite"
    @Option(help: "The day the demo's dates are relative to (default: today).") var today: CivilDate?
    @Option(help: "Write a synthetic snapshot of this many records instead (benchmarks).") var records: Int?
    @Option(help: "Seed of the synthetic snapshot.") var seed: UInt64 = 1

    func run() throws {
        if let records {
            guard records > 0 else { throw ValidationError(Message("records_positive").text) }
            try SyntheticSnapshot.write(to: out, records: records, today: today ?? .today(), seed: seed)
            say("demo_synthetic_written", ["count": "\(records)", "out": out])
        } else {
            try DemoSnapshot.write(to: out, today: today ?? .today())
            say("demo_written", ["out": out])
        }
    }
}
