import CreditVocabulary

/// The `snapshot_meta` keys the generator needs.
public struct SnapshotMeta: Hashable, Sendable {
    /// Always `credit-disclosure-snapshot`.
    public var format: String
    /// Always `1` for this reader.
    public var version: String
    /// When the platform exported the snapshot (ISO 8601 with offset, kept as text).
    public var exportedAt: String
    /// The exporting platform, e.g. `福州市公共信用信息平台`.
    public var source: String
    /// 6-digit GB/T 2260 code of the publishing authority's area.
    public var regionCode: String
    /// The optional key `demo` = `true`: the built-in demo snapshot (pages say 演示数据).
    public var isDemo: Bool

    /// Metadata values.
    public init(
        format: String, version: String, exportedAt: String, source: String, regionCode: String, isDemo: Bool = false
    ) {
        self.isDemo = isDemo
        self.format = format
        self.version = version
        self.exportedAt = exportedAt
        self.source = source
        self.regionCode = regionCode
    }
}
