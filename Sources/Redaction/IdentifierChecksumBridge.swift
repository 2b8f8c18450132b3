import CreditVocabulary

/// Decisions between look-alike identifiers.
enum IdentifierChecksumBridge {
    /// Whether an 18-character token is a USCC that must not be taken for an ID number:
    /// its GB 32100 checksum verifies, and it is not also a plausible, valid ID number.
    static func isUSCCNotID(_ token: String) -> Bool {
        guard IdentifierChecksum.isValidUSCC(token) else { return false }
        let looksLikeID = token.prefix(17).allSatisfy(\.isNumber)
            && IdentifierChecksum.isValidIDNumber(token) && IdentifierChecksum.hasPlausibleBirthDate(token)
        return !looksLikeID
    }
}
