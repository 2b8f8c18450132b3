/// An amount of money as Chinese documents write it: 3000元, 120万元, 1.2345万元, 3亿元.
public enum YuanAmount {
    /// `yuan` in 元 below ten thousand, in 万元 from there, in 亿元 from a hundred million;
    /// exact, without trailing zeros after the point.
    public static func chinese(_ yuan: Int) -> String {
        let sign = yuan < 0 ? "-" : ""
        let amount = yuan.magnitude
        func scaled(_ unit: UInt, _ name: String) -> String {
            let whole = amount / unit, rest = amount % unit
            guard rest > 0 else { return "\(sign)\(whole)\(name)" }
            var digits = String(rest)
            digits = String(repeating: "0", count: String(unit).count - 1 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            return "\(sign)\(whole).\(digits)\(name)"
        }
        if amount >= 100_000_000 { return scaled(100_000_000, "亿元") }
        if amount >= 10_000 { return scaled(10_000, "万元") }
        return "\(sign)\(amount)元"
    }
}
