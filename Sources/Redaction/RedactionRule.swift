/// The rule that made a replacement (redaction.md).
public enum RedactionRule: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// 居民身份证号 in free text.
    case idNumber = "id_number"
    /// Mobile number in free text.
    case mobile
    /// Landline number in free text.
    case landline
    /// Bank card number (Luhn) in free text.
    case bankCard = "bank_card"
    /// E-mail address in free text.
    case email
    /// A natural person's name (or a masked legal representative's) in free text.
    case personName = "person_name"
    /// A name the snapshot does not know, after a context word (联系人张某某, 患者…).
    case contextName = "context_name"
    /// A natural person's (or individual business's) address below the county level in free text.
    case address
    /// A reviewer's override phrase.
    case override
    /// A natural person's or individual business operator's name field, masked.
    case maskedNameField = "masked_name_field"
    /// An address cut to county level.
    case countyAddress = "county_address"
    /// A structured field never shown (ID number, phone, a person's representative...).
    case hiddenField = "hidden_field"

    /// Chinese label for the preview legend and reports.
    public var label: String {
        switch self {
        case .idNumber: return "身份证号"
        case .mobile: return "手机号码"
        case .landline: return "固定电话"
        case .bankCard: return "银行卡号"
        case .email: return "电子邮箱"
        case .personName: return "自然人姓名"
        case .contextName: return "疑似自然人姓名"
        case .address: return "详细地址"
        case .override: return "审核人员标注"
        case .maskedNameField: return "姓名脱敏"
        case .countyAddress: return "地址仅显示至县级"
        case .hiddenField: return "不予公开的字段"
        }
    }

    public static func < (lhs: RedactionRule, rhs: RedactionRule) -> Bool { lhs.rawValue < rhs.rawValue }
}
