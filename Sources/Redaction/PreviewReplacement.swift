import SnapshotModel

/// A replacement as the reviewer preview shows it, with the original text. Only a redactor
/// made with `preview: true` records these; a public build never does.
public struct PreviewReplacement: Hashable, Sendable {
    /// The row.
    public var row: RowRef
    /// The column.
    public var field: String
    /// The rule.
    public var rule: RedactionRule
    /// The text as it was.
    public var original: String
    /// The text as published.
    public var replacement: String
}

/// The markers a preview redactor puts around each replacement in the text it returns:
/// `start` + index in ``RedactionLog/previewReplacements`` + `separator` + replacement + `end`
/// (Unicode noncharacters, which the snapshot reader removes from every text it reads, so
/// that no snapshot value can forge a highlight; Swift accepts no noncharacter in a literal).
public enum PreviewMarker {
    /// Opens a marked replacement.
    public static let start: Character = Character(Unicode.Scalar(UInt32(0xFDD0))!)
    /// Ends the index.
    public static let separator: Character = Character(Unicode.Scalar(UInt32(0xFDD1))!)
    /// Closes a marked replacement.
    public static let end: Character = Character(Unicode.Scalar(UInt32(0xFDD2))!)

    /// `text` with each marked replacement shown as the replacement alone: for places that
    /// list rows rather than highlight them (the reviewers' index).
    public static func unmarked(_ text: String) -> String {
        guard text.contains(start) else { return text }
        var result = ""
        var skippingIndex = false
        for character in text {
            switch character {
            case start: skippingIndex = true
            case separator: skippingIndex = false
            case end: break
            default: if !skippingIndex { result.append(character) }
            }
        }
        return result
    }
}
