import Messages

/// Something in the output folder that must not be published.
public struct AuditFinding: Hashable, Sendable, CustomStringConvertible, LocalizedText {
    /// The file, relative to the output folder.
    public var file: String
    /// What is wrong (naming where the value comes from, never the value).
    public var problem: Message

    /// `FILE: PROBLEM [code]` in `language`.
    public func text(in language: MessageLanguage) -> String { file + language.separator + problem.coded(in: language) }

    /// In English, for the build report and the build's own audit (their lines are compared).
    public var description: String { text(in: .english) }
}
