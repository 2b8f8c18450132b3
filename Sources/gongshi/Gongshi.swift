import ArgumentParser

/// The `gongshi` command.
@main
struct Gongshi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongshi",
        abstract: "公示: builds the 失信案例核查 column of a credit portal from a credit platform snapshot.",
        subcommands: [BuildCommand.self, ScheduleCommand.self, PreviewCommand.self, PreviewUserCommand.self, CheckCommand.self, AuditCommand.self, PublishCommand.self, VerifyCommand.self, RollbackCommand.self, DemoCommand.self])
}
