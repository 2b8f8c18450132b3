import CreditVocabulary

/// A subject as it may be published. Made only by ``Redactor``.
public struct PublicSubject: Hashable, Sendable {
    /// Path segment: the USCC, or a keyed hash.
    public let slug: String
    /// Subject kind.
    public let kind: SubjectKind
    /// Name (masked for natural persons).
    public let name: RedactedText
    /// USCC, for organisations and individual businesses.
    public let uscc: RedactedText?
    /// Legal representative (masked for individual businesses, absent for persons).
    public let legalRepresentative: RedactedText?
    /// Address (county level for persons and individual businesses).
    public let address: RedactedText?
    /// GB/T 2260 code.
    public let regionCode: String?
}
