import CreditVocabulary

/// A repair step as it may be published. Made only by ``Redactor``.
public struct PublicRepairAction: Hashable, Sendable {
    /// Kind.
    public let kind: RepairActionKind
    /// Completed on.
    public let completedOn: CivilDate
    /// Provider.
    public let provider: RedactedText?
    /// Class hours.
    public let hours: Double?
}
