import CreditVocabulary

/// A row of `redaction_overrides`: a phrase a reviewer asked to hide in one row's field.
public struct RedactionOverrideRow: Hashable, Sendable, Encodable {
    /// Override id.
    public var id: String
    /// The row whose field holds the phrase.
    public var target: RowRef
    /// The column.
    public var field: String
    /// The exact phrase to hide.
    public var phrase: String
    /// Why it is hidden.
    public var reason: OverrideReason
    /// Replacement text; nil for the reason's default mark.
    public var replacement: String?

    /// A row with every field given.
    public init(id: String, target: RowRef, field: String, phrase: String, reason: OverrideReason, replacement: String? = nil) {
        self.id = id
        self.target = target
        self.field = field
        self.phrase = phrase
        self.reason = reason
        self.replacement = replacement
    }
}
