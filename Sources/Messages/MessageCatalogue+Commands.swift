extension MessageCatalogue {
    /// The other commands' summaries and failures.
    static let commands: [(code: String, chinese: String, english: String)] = [
        // The command line itself.
        ("usage_error", "命令行有误；下面是英文的说明，用法见 gongshi help 子命令", "the command line is wrong; see below"),
        ("days_range", "--days 应在 1 至 3660 之间", "--days must be between 1 and 3660"),
        ("records_positive", "--records 应为正数", "--records must be positive"),
        // check
        ("check_summary", "{file}：{errors} 个错误（{blocking} 个阻止构建，{withholding} 个使相关行不予公示），{warnings} 个警告",
         "{file}: {errors} errors ({blocking} blocking the build, {withholding} withholding rows), {warnings} warnings"),
        ("check_alike", "{place}：{count} 行，如 {rows}（另有 {more} 行，加 --all 逐一列出）：{text}",
         "{place}: {count} rows, such as {rows} (and {more} more, listed one by one with --all): {text}"),
        ("check_schema_summary", "结构问题 {count} 个（缺少的表和列）：缺少的表未检查，缺少的列未检查，其余照常检查；快照在修正前无法构建",
         "{count} structure problems (missing tables and columns): missing tables and columns were not checked, the rest was; the snapshot cannot be built until they are fixed"),
        // audit
        ("audit_clean", "{out} 审计通过：未发现问题", "audit of {out}: clean"),
        ("audit_findings", "{out} 审计发现 {count} 个问题；请勿发布", "audit of {out}: {count} findings; do not publish"),
        ("audit_row_page", "不应公示的行的页面", "page of a row that must not be published"),
        ("audit_leak", "{rule}，来自 {origin}", "{rule} from {origin}"),
        ("audit_link", "链接到不应公示的 {target}", "links to {target}, which must not be published"),
        ("audit_search", "搜索索引对 {query} 返回 {path}", "the index answers {query} with {path}"),
        // schedule
        ("schedule_none", "{from} 起 {days} 天内公示内容没有变化", "no change from {from} for {days} days"),
        ("schedule_appear", "开始公示 {row}：此前{reason}", "appears {row}: until then {reason}"),
        ("schedule_disappear", "停止公示 {row}：{reason}", "disappears {row}: {reason}"),
        // publish, verify, rollback
        ("publish_no_destination", "没有发布目标：请在 site.toml 的 [publish] 表中设置 to，或用 --to 指定",
         "no destination: set `to` in site.toml's [publish] table, or give --to"),
        ("not_http_address", "{value} 不是 http(s) 地址", "{value} is not an http(s) address"),
        ("publish_unfinished", "发布到 {destination} 未完成；主机上可能已有部分新站点（删除放在最后，链接仍然有效）；下次运行会发送其余文件",
         "the publication to {destination} did not finish; the host may hold part of the new site (deletions come last, so its links resolve); the next run sends the rest"),
        ("purge_needs_base_url", "未运行缓存刷新命令：它需要站点地址（site.toml 的 base_url，或 --base-url）",
         "the purge command was not run: it needs the site's address (base_url in site.toml, or --base-url)"),
        ("purge_run", "已为 {count} 个文件运行缓存刷新命令", "purge command run for {count} files"),
        ("publish_nothing_sent", "{destination} 已是最新站点；未发送任何文件", "{destination} already holds the site; nothing sent"),
        ("publish_sent", "已发布到 {destination}：发送 {count} 个文件{sent}，删除 {deleted} 个", "published to {destination}: {count} files sent{sent}, {deleted} deleted"),
        ("publish_repaired", "主机上有 {count} 个文件与站点不同，已替换：{files}", "{count} files differed on the host and were replaced: {files}"),
        ("publish_strays", "主机上有 {count} 个站点中没有的文件，已删除：{files}", "{count} files on the host that the site does not have were deleted: {files}"),
        ("verify_ok", "核验 {base}：{count} 个文件与发布一致，{removed} 个已删除地址确已不可访问",
         "verify of {base}: {count} files as published, {removed} removed addresses gone"),
        ("verify_failed", "核验 {base}：{count} 项检查中 {failed} 项未通过", "verify of {base}: {failed} of {count} checks failed"),
        ("rollback_no_previous", "{path}：没有保留更早构建的快照（回退需要两次使用 --state {state} 的构建）",
         "{path}: no snapshot of an earlier build is kept (a rollback needs two builds with --state {state})"),
        ("rollback_done", "已将 {out} 回退到上一个快照（基准日 {date}）：新增 {added} 个文件，修改 {changed} 个，删除 {removed} 个",
         "rolled back {out} to the previous snapshot, built for {date}: {added} files added, {changed} changed, {removed} removed"),
        ("rollback_next", "现在请运行 gongshi publish；退回的导出是 {path}，构建将拒绝它",
         "now run gongshi publish; the export turned away is {path}, and builds refuse it"),
        ("rollback_nothing", "未回退任何内容；{out} 保持不变", "nothing was rolled back; {out} is unchanged"),
        // demo
        ("demo_synthetic_written", "已将含 {count} 条记录的合成快照（演示数据）写入 {out}", "wrote a synthetic snapshot of {count} records (demo data) to {out}"),
        ("demo_written", "已将演示快照写入 {out}", "wrote the demo snapshot to {out}"),
        // preview-user
        ("user_set", "已设置审核账号“{name}”（{file}，共 {count} 个）", "reviewer account '{name}' set ({file}, {count} in all)"),
        ("user_unknown", "{file} 中没有账号“{name}”", "{file} has no account '{name}'"),
        ("user_removed", "已删除审核账号“{name}”", "reviewer account '{name}' removed"),
        ("password_prompt", "新密码（至少 {count} 个字符）：", "New password (at least {count} characters): "),
        ("password_again", "再输入一次：", "Once more: "),
        ("password_missing", "标准输入中没有密码", "no password on standard input"),
        ("password_mismatch", "两次输入的密码不同", "the two passwords differ"),
    ]
}
