extension MessageCatalogue {
    /// The disclosure rules: warnings they define and why a row is not shown (`schedule`,
    /// reports, the preview).
    static let policy: [(code: String, chinese: String, english: String)] = [
        ("repair_before_minimum", "信用修复日期 {repaired} 早于最短公示期届满日 {earliest}；该记录自 {repaired} 起停止公示",
         "repair on {repaired} is before the minimum period ends on {earliest}; the record stops being shown on {repaired}"),
        ("removal_before_minimum", "移出日期 {removed} 早于最短公示期届满日 {earliest}",
         "removal on {removed} is before the minimum period ends on {earliest}"),
        ("date_far_future", "{date} 比基准日 {asOf} 晚一年以上，是否录入有误？该行在那天之前不会公示",
         "{date} is more than a year after {asOf}: a typing slip? The row is not shown before that day"),
        // Why a row is not shown: {code} is the reason's machine code.
        ("reason_not_approved", "审核状态为“{label}”，未审核通过的信息不予公示", "review status is {status}"),
        ("reason_internal_scope", "不宜公开，仅在政务内部共享", "internal scope (不宜公开)"),
        ("reason_not_publishable", "{why}", "not published: {why}"),
        ("reason_not_yet_open", "公示期自{date}开始", "window opens on {iso}"),
        ("reason_window_closed", "已于{date}停止公示（{label}）", "window closed on {iso} ({cause})"),
        ("reason_empty_window", "审核通过时公示期已届满", "approved after its window ended"),
        ("reason_objection_pending", "异议（{id}）核实中，暂不披露", "objection {id} pending (暂不披露)"),
        ("reason_objection_upheld", "异议（{id}）成立，不予公示", "objection {id} upheld"),
        ("reason_superseded", "已被更正报告（{id}）替代", "superseded by verification_reports[{id}]"),
        ("reason_commitment_withdrawn", "承诺已撤回", "commitment withdrawn"),
        ("reason_depends_on_hidden", "所属信息（{name}）未公示", "{ref} is not shown"),
        ("reason_invalid", "数据有误：{problem}", "invalid row: {problem_en}"),
        ("reason_no_visible_report", "案例暂无公示中的核查报告", "no verification report of the case is shown"),
        ("reason_nothing_visible", "该主体暂无公示中的信息", "nothing about the subject is shown"),
    ]
}
