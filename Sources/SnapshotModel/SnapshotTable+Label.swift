extension SnapshotTable {
    /// What a reviewer calls a row of this table (信用记录, 核查报告…), for pages people read;
    /// messages for machines keep ``rawValue``.
    public var chineseLabel: String {
        switch self {
        case .meta: return "快照信息"
        case .subjects: return "主体"
        case .cases: return "失信案例"
        case .caseSubjects: return "案例涉及主体"
        case .verificationReports: return "核查报告"
        case .records: return "信用记录"
        case .listEntries: return "名单信息"
        case .commitments: return "信用承诺"
        case .rectifications: return "限期整改"
        case .interviews: return "约谈记录"
        case .repairActions: return "信用修复"
        case .objections: return "异议申请"
        case .redactionOverrides: return "技术处理标注"
        }
    }
}

extension RowRef {
    /// `信用记录 R1`: the row as a reviewer reads it.
    public var chineseDescription: String { "\(table.chineseLabel) \(id)" }
}
