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

extension SnapshotTable {
    /// What a reviewer calls `column` of this table (失信事实, 身份证号码…); the column's own
    /// name when it has no label here.
    public func chineseLabel(ofColumn column: String) -> String {
        switch (self, column) {
        case (.verificationReports, "body_md"): return "报告正文"
        case (.commitments, "body_md"): return "承诺内容"
        case (.cases, "summary_md"): return "案例概要"
        case (.interviews, "summary_md"): return "约谈情况"
        case (.subjects, "name"): return "主体名称"
        case (.cases, "title"), (.verificationReports, "title"): return "标题"
        case (.cases, "source"): return "线索来源"
        default: return Self.columnLabels[column] ?? column
        }
    }

    private static let columnLabels: [String: String] = [
        "id_number": "身份证号码", "phone": "联系电话", "name": "名称", "uscc": "统一社会信用代码",
        "legal_representative": "法定代表人（负责人）", "address": "地址", "title": "标题", "region": "地区",
        "source": "来源", "source_url": "来源链接", "domain": "领域", "summary_md": "概要",
        "proposed_action": "拟处理意见", "tags": "标签", "lead_department": "牵头部门", "service_agency": "服务机构",
        "body_md": "正文", "document_no": "文书编号", "authority": "认定机关", "basis": "依据", "facts_md": "失信事实",
        "outcome": "处理结果", "reason_md": "列入事由", "requirement_md": "整改要求", "provider": "修复服务机构",
    ]
}
