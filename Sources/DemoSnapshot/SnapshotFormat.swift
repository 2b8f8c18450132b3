/// The version-1 snapshot schema (`snapshot-v1.sql`, the platform's export format), used to
/// write the demo snapshot and the test snapshots.
public enum SnapshotFormat {
    /// `CREATE TABLE` statements of format version 1.
    public static let createSQL = #"""
-- Credit disclosure snapshot, format version 1.
--
-- The public credit information platform (信用信息共享平台) exports this SQLite
-- file; the site generator only ever opens it read-only. Every date is a
-- calendar date 'YYYY-MM-DD' in China Standard Time (UTC+08:00); every
-- timestamp is ISO 8601 with an explicit offset. Columns holding lists are
-- JSON arrays of strings. Markdown columns (suffix _md) are CommonMark + GFM.
--
-- Rows the generator may publish carry a review state. Only rows with
-- review_status = 'approved' and an approved_on date are ever published;
-- 'draft' and 'pending' rows are visible only in a reviewer's preview.
-- scope = 'public' rows go to the public site; scope = 'internal' rows
-- (不宜公开, shared only with government departments) go only to an
-- internal build.

CREATE TABLE snapshot_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- Required keys:
--   format       'credit-disclosure-snapshot'
--   version      '1'
--   exported_at  timestamp of the export
--   source       name of the exporting platform, e.g. '福州市公共信用信息平台'
--   region_code  6-digit GB/T 2260 code of the publishing authority's area

-- 信用主体: legal persons, unincorporated organisations, individual
-- businesses (个体工商户) and natural persons.
CREATE TABLE subjects (
  id                   TEXT PRIMARY KEY,  -- platform-internal id; never published as is
  kind                 TEXT NOT NULL CHECK (kind IN
                         ('legal_person', 'unincorporated', 'individual_business', 'natural_person')),
  name                 TEXT NOT NULL,     -- organisation name, or the person's full name
  uscc                 TEXT,              -- 统一社会信用代码, 18 chars (GB 32100); not for natural persons
  id_number            TEXT,              -- 居民身份证号, 18 chars (GB 11643); natural persons only
  legal_representative TEXT,              -- 法定代表人 / 负责人 / 经营者, a natural person's name
  region_code          TEXT,              -- 6-digit GB/T 2260
  address              TEXT,
  phone                TEXT
);

-- 失信案例: typical cases pushed by the national platform, media exposure
-- or departments' notices (e.g. the list '国家推送的媒体曝光典型失信案例').
CREATE TABLE cases (
  id              TEXT PRIMARY KEY,       -- e.g. '27-1'
  title           TEXT NOT NULL,          -- 案例标题
  region          TEXT NOT NULL,          -- 地区, free text, e.g. '湖北武汉'
  reported_on     TEXT NOT NULL,          -- 发布时间
  source          TEXT,                   -- 信息来源, e.g. '新华社'
  source_url      TEXT,
  domain          TEXT,                   -- 领域, e.g. '医疗卫生'
  summary_md      TEXT,                   -- case summary; may contain personal data
  proposed_action TEXT,                   -- 拟办意见
  tags            TEXT NOT NULL DEFAULT '[]'  -- 标签, e.g. ["持续追踪"]
);

-- 涉事主体 of a case.
CREATE TABLE case_subjects (
  case_id    TEXT NOT NULL REFERENCES cases(id),
  subject_id TEXT NOT NULL REFERENCES subjects(id),
  role       TEXT NOT NULL DEFAULT 'involved' CHECK (role IN ('involved', 'responsible')),
  PRIMARY KEY (case_id, subject_id)
);

-- 失信核查报告: the result of verifying one case.
CREATE TABLE verification_reports (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases(id),
  title           TEXT NOT NULL,
  lead_department TEXT NOT NULL,          -- 牵头单位
  service_agency  TEXT,                   -- 参与核查的信用服务机构
  methods         TEXT NOT NULL,          -- JSON array of: 访谈 座谈 函询 问卷调查 大数据分析核验 现场调查
  conclusion      TEXT NOT NULL CHECK (conclusion IN
                    ('confirmed', 'partially_confirmed', 'unfounded')),  -- 属实 / 部分属实 / 不属实 (澄清)
  measures        TEXT NOT NULL DEFAULT '[]', -- JSON array of: blacklist watchlist interview rectification training repair_guidance
  body_md         TEXT NOT NULL,          -- the report; may contain personal data and trade secrets
  concluded_on    TEXT NOT NULL,
  supersedes      TEXT REFERENCES verification_reports(id),  -- a corrected report replaces this one (更正)
  review_status   TEXT NOT NULL CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected', 'withdrawn')),
  approved_on     TEXT,
  scope           TEXT NOT NULL CHECK (scope IN ('public', 'internal'))
);

-- 信用记录: one disclosed fact about one subject (mostly 失信记录).
CREATE TABLE records (
  id              TEXT PRIMARY KEY,
  subject_id      TEXT NOT NULL REFERENCES subjects(id),
  report_id       TEXT REFERENCES verification_reports(id),
  kind            TEXT NOT NULL CHECK (kind IN
                    ('administrative_penalty', 'inspection', 'judgment', 'enforcement',
                     'verification_finding', 'other')),
  severity        TEXT NOT NULL CHECK (severity IN ('minor', 'general', 'serious')), -- 轻微 / 一般 / 严重
  procedure       TEXT CHECK (procedure IN ('simplified', 'ordinary')),           -- 简易程序 / 普通程序
  penalty_types   TEXT NOT NULL DEFAULT '[]', -- JSON array of: warning notice_of_criticism fine confiscation
                                              -- license_suspension license_revocation production_suspension detention other
  fine_yuan       INTEGER,
  document_no     TEXT,                   -- 决定文书号
  decided_on      TEXT NOT NULL,          -- 决定日期
  authority       TEXT NOT NULL,          -- 认定 / 决定机关
  basis           TEXT,                   -- 依据
  facts_md        TEXT NOT NULL,          -- 失信事实; may contain personal data
  outcome         TEXT,                   -- 处理结果
  publish_until   TEXT,                   -- an end set explicitly by the authority, overrides the default period
  repaired_on     TEXT,                   -- 信用修复完成 date
  revoked_on      TEXT,                   -- decision revoked or changed by the authority
  review_status   TEXT NOT NULL CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected', 'withdrawn')),
  approved_on     TEXT,
  scope           TEXT NOT NULL CHECK (scope IN ('public', 'internal'))
);

-- 红黑名单: 守信红名单 (red), 严重失信主体名单 (black), 重点关注名单 (watch).
CREATE TABLE list_entries (
  id              TEXT PRIMARY KEY,
  subject_id      TEXT NOT NULL REFERENCES subjects(id),
  list            TEXT NOT NULL CHECK (list IN ('red', 'black', 'watch')),
  domain          TEXT,                   -- 领域, e.g. '食品药品'
  authority       TEXT NOT NULL,          -- 认定部门
  basis           TEXT,                   -- 列入依据
  reason_md       TEXT,                   -- 列入事由
  record_id       TEXT REFERENCES records(id),
  listed_on       TEXT NOT NULL,
  valid_until     TEXT,                   -- 有效期届满; NULL: the list's default period applies
  removed_on      TEXT,                   -- 移出 (repair, expiry, error correction)
  removal_reason  TEXT,
  review_status   TEXT NOT NULL CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected', 'withdrawn')),
  approved_on     TEXT,
  scope           TEXT NOT NULL CHECK (scope IN ('public', 'internal'))
);

-- 信用承诺书.
CREATE TABLE commitments (
  id              TEXT PRIMARY KEY,
  subject_id      TEXT NOT NULL REFERENCES subjects(id),
  kind            TEXT NOT NULL CHECK (kind IN
                    ('approval_notice',       -- 审批告知承诺
                     'certification_notice',  -- 证明事项告知承诺
                     'voluntary',             -- 主动公示的自我承诺
                     'repair',                -- 信用修复承诺
                     'industry')),            -- 行业自律承诺
  record_id       TEXT REFERENCES records(id),
  made_on         TEXT NOT NULL,
  valid_until     TEXT,
  status          TEXT NOT NULL CHECK (status IN ('in_force', 'fulfilled', 'breached', 'withdrawn')),
  body_md         TEXT NOT NULL,
  review_status   TEXT NOT NULL CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected', 'withdrawn')),
  approved_on     TEXT,
  scope           TEXT NOT NULL CHECK (scope IN ('public', 'internal'))
);

-- 限期整改: the deadline and its requirements are disclosed with the record.
CREATE TABLE rectifications (
  id              TEXT PRIMARY KEY,
  record_id       TEXT NOT NULL REFERENCES records(id),
  requirement_md  TEXT NOT NULL,
  deadline        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('open', 'completed', 'overdue')),
  completed_on    TEXT
);

-- 提示约谈 / 警示约谈 records, including a refusal to attend.
CREATE TABLE interviews (
  id              TEXT PRIMARY KEY,
  record_id       TEXT NOT NULL REFERENCES records(id),
  kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'warning')),
  held_on         TEXT NOT NULL,
  refused         INTEGER NOT NULL DEFAULT 0,
  summary_md      TEXT,
  scope           TEXT NOT NULL CHECK (scope IN ('public', 'internal'))
);

-- Steps of 信用修复: training (>= 3 class hours), credit report, commitment, public service.
CREATE TABLE repair_actions (
  id              TEXT PRIMARY KEY,
  record_id       TEXT NOT NULL REFERENCES records(id),
  kind            TEXT NOT NULL CHECK (kind IN ('training', 'credit_report', 'commitment', 'public_service')),
  completed_on    TEXT NOT NULL,
  provider        TEXT,                   -- 行业协会 / 信用服务机构
  hours           REAL
);

-- 异议: a subject disputes a record, a list entry or a report.
CREATE TABLE objections (
  id              TEXT PRIMARY KEY,
  target_table    TEXT NOT NULL CHECK (target_table IN ('records', 'list_entries', 'verification_reports')),
  target_id       TEXT NOT NULL,
  filed_on        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'upheld', 'rejected')),
  resolved_on     TEXT,
  resolution_md   TEXT
);

-- Extra redactions a reviewer asked for: a phrase inside one row's field
-- that is a trade secret (商业秘密) or personal data no detector finds.
CREATE TABLE redaction_overrides (
  id              TEXT PRIMARY KEY,
  target_table    TEXT NOT NULL,
  target_id       TEXT NOT NULL,
  field           TEXT NOT NULL,
  phrase          TEXT NOT NULL,
  reason          TEXT NOT NULL CHECK (reason IN ('trade_secret', 'personal_data', 'state_secret', 'other')),
  replacement     TEXT                    -- NULL: the default mark for the reason
);
"""#
}
