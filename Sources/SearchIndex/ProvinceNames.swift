/// Province-level regions by the first two digits of a GB/T 2260 code, for the region filter.
public enum ProvinceNames {
    /// Short names by code prefix.
    public static let byCode: [String: String] = [
        "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古", "21": "辽宁", "22": "吉林", "23": "黑龙江",
        "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东", "41": "河南",
        "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南", "50": "重庆", "51": "四川", "52": "贵州",
        "53": "云南", "54": "西藏", "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆", "71": "台湾",
        "81": "香港", "82": "澳门",
    ]

    /// The province of a 6-digit code.
    public static func province(ofCode code: String?) -> String? {
        guard let code, code.count >= 2 else { return nil }
        return byCode[String(code.prefix(2))]
    }

    /// The provinces a free-text region names, in order of appearance (`浙江、湖北` → 浙江, 湖北).
    public static func provinces(in text: String) -> [String] {
        let names = Set(byCode.values)
        var found: [(String.Index, String)] = []
        for name in names {
            if let range = text.range(of: name) { found.append((range.lowerBound, name)) }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
