import Messages

/// What a build tells its operator while it runs: a warning (a line that starts with its
/// severity, as `check` prints it) or information, written in either language.
public struct BuildNotice: Sendable, LocalizedText {
    /// Whether the operator should look at it (counted, and shown up to a limit) or may
    /// want to know it (never counted as a warning).
    public enum Kind: Sendable { case warning, info }

    /// Warning or information.
    public var kind: Kind
    private let write: @Sendable (MessageLanguage) -> String

    /// A notice of `kind` whose text `write` makes in a language.
    init(_ kind: Kind, _ write: @escaping @Sendable (MessageLanguage) -> String) {
        self.kind = kind
        self.write = write
    }

    /// A warning saying `message`, with the severity word and the code.
    static func warning(_ message: Message) -> BuildNotice {
        BuildNotice(.warning) { $0.severityPrefix(isError: false) + message.coded(in: $0) }
    }

    /// The line in `language`, without the program's name.
    public func text(in language: MessageLanguage) -> String { write(language) }

    /// The line in the process's language.
    public var text: String { write(.current) }

    /// Whether it is a warning.
    public var isWarning: Bool { kind == .warning }
}
