import CreditVocabulary

/// A row of `subjects`: a credit subject. Holds personal data for natural persons.
public struct SubjectRow: Hashable, Sendable, Encodable {
    /// Platform-internal id; never published as is.
    public var id: String
    /// Legal person, unincorporated, individual business or natural person.
    public var kind: SubjectKind
    /// Organisation name, or the person's full name.
    public var name: String
    /// 统一社会信用代码 (not for natural persons).
    public var uscc: String?
    /// 居民身份证号 (natural persons only; never published).
    public var idNumber: String?
    /// 法定代表人 / 负责人 / 经营者.
    public var legalRepresentative: String?
    /// 6-digit GB/T 2260 code.
    public var regionCode: String?
    /// Address (masked to county level for persons and individual businesses).
    public var address: String?
    /// Phone (never published).
    public var phone: String?

    /// A row with every field given.
    public init(id: String, kind: SubjectKind, name: String, uscc: String? = nil, idNumber: String? = nil, legalRepresentative: String? = nil, regionCode: String? = nil, address: String? = nil, phone: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.uscc = uscc
        self.idNumber = idNumber
        self.legalRepresentative = legalRepresentative
        self.regionCode = regionCode
        self.address = address
        self.phone = phone
    }
}
