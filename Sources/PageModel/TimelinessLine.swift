import CreditVocabulary
import Redaction

/// A late penalty on the internal timeliness page.
public struct TimelinessLine: Sendable {
    /// The record's path segment.
    public var recordPath: String
    /// 决定文书号.
    public var documentNo: RedactedText?
    /// 决定机关.
    public var authority: RedactedText
    /// 决定日期.
    public var decidedOn: CivilDate
    /// 公示日期.
    public var approvedOn: CivilDate
    /// Working days taken.
    public var workingDays: Int

    /// A line.
    public init(recordPath: String, documentNo: RedactedText?, authority: RedactedText, decidedOn: CivilDate,
                approvedOn: CivilDate, workingDays: Int) {
        self.recordPath = recordPath
        self.documentNo = documentNo
        self.authority = authority
        self.decidedOn = decidedOn
        self.approvedOn = approvedOn
        self.workingDays = workingDays
    }
}
