import ArgumentParser
import Messages

/// The `gongshi` command.
@main
struct Gongshi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongshi",
        abstract: "公示: builds the 失信案例核查 column of a credit portal from a credit platform snapshot.",
        subcommands: [BuildCommand.self, ScheduleCommand.self, PreviewCommand.self, PreviewUserCommand.self, CheckCommand.self, AuditCommand.self, PublishCommand.self, VerifyCommand.self, RollbackCommand.self, DemoCommand.self])

    /// Parses and runs the command, as ArgumentParser does; a command line it refuses is
    /// first said to be wrong in the operator's language (ArgumentParser's own explanation,
    /// in English, follows).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure, MessageLanguage.current == .chinese {
                printFailure(Message("usage_error"))
            }
            exit(withError: error)
        }
    }
}
