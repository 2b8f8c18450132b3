import CreditVocabulary

/// The choices a site makes about disclosure (`[policy]` in `site.toml`), with the defaults
/// of disclosure-rules.md §2.
public struct PolicyConfiguration: Hashable, Sendable {
    /// What a pending objection does to its row.
    public enum ObjectionMode: String, Hashable, Sendable, CaseIterable {
        /// The row is not shown while the objection is pending (暂不披露). Default.
        case suspend
        /// The row is shown with a clear 异议核实中 mark.
        case annotate
    }

    /// Objection handling.
    public var objectionMode: ObjectionMode = .suspend
    /// Maximum period of a `general` record, from `decided_on`.
    public var generalRecordPeriod: CivilDate.Period = .years(1)
    /// Minimum period of a `general` record (repair earlier is a data error).
    public var generalRecordMinimum: CivilDate.Period = .months(3)
    /// Maximum period of a `serious` record, from `decided_on`.
    public var seriousRecordPeriod: CivilDate.Period = .years(3)
    /// Minimum period of a `serious` record.
    public var seriousRecordMinimum: CivilDate.Period = .years(1)
    /// Default period of a black-list entry without `valid_until`.
    public var blackListPeriod: CivilDate.Period = .years(3)
    /// Minimum period of a black-list entry.
    public var blackListMinimum: CivilDate.Period = .years(1)
    /// Default period of a watch-list entry without `valid_until`.
    public var watchListPeriod: CivilDate.Period = .years(1)
    /// Default period of a red-list entry without `valid_until`.
    public var redListPeriod: CivilDate.Period = .years(2)
    /// Default period of a commitment without `valid_until`.
    public var commitmentPeriod: CivilDate.Period = .years(3)
    /// Period of a verification report, from `approved_on`.
    public var reportPeriod: CivilDate.Period = .years(3)

    /// The defaults.
    public init() {}

    /// The default period of a list without `valid_until`.
    public func defaultPeriod(of list: ListKind) -> CivilDate.Period {
        switch list {
        case .black: return blackListPeriod
        case .watch: return watchListPeriod
        case .red: return redListPeriod
        }
    }
}
