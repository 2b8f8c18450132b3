import CreditVocabulary

/// Finds text that the detectors left as it was but that looks like personal data, for the
/// reviewers' preview to flag (it changes nothing): long digit runs no rule classified (an ID
/// number with a typo fails its checksum and its birth date, a card number fails Luhn), an
/// 11-digit number starting with 1, a short number right after a phone word, and two or three
/// Han characters (four after a compound surname) after a word that introduces a person
/// (联系人禤小龙: a surname the name detector does not know). Pure; linear in the text.
public enum DoubtDetector {
    /// What a doubtful span looks like.
    public enum Kind: String, Sendable, CaseIterable {
        /// 15 to 19 digits, or 14 to 16 and an X.
        case longNumber = "long_number"
        /// 11 digits starting with 1.
        case mobileLike = "mobile_like"
        /// 7 or 8 digits after 电话, 手机, 联系方式...
        case phoneLike = "phone_like"
        /// Han characters after 联系人, 当事人, 患者...
        case nameLike = "name_like"

        /// What the reviewer reads.
        public var label: String {
            switch self {
            case .longNumber: return "疑似证件号码或银行卡号"
            case .mobileLike: return "疑似手机号码"
            case .phoneLike: return "疑似电话号码"
            case .nameLike: return "疑似自然人姓名"
            }
        }
    }

    /// One doubtful span: scalar offsets in the text searched.
    public struct Doubt: Hashable, Sendable {
        /// Where, in Unicode scalars.
        public var range: Range<Int>
        /// What it looks like.
        public var kind: Kind
    }

    /// Words before a short phone number.
    static let phoneWords = ["电话", "手机", "联系方式", "联系电话", "座机", "Tel", "TEL", "tel"]
    /// Words before a person's name; the names of a legal person's representative are public
    /// and are left out (法定代表人, 负责人).
    static let personWords = ContextNameDetector.contextWords.filter { !["法定代表人", "法人代表", "负责人"].contains($0) }
    /// What cannot start a name after a person word (当事人于次日, 联系人为其…, 被执行人名单,
    /// 当事人情况, 申请人资格, 权利, 账户, 财产, 信息).
    static let notNameStart: Set<Unicode.Scalar> = ContextNameDetector.stops.union("其该本此这那上下中一二三四五六七八九十名情资权账财信".unicodeScalars)

    /// Two-character surnames, after which a name has four characters.
    static let compoundSurnames: Set<String> = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                                                 "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "独孤", "南宫", "万俟", "呼延"]

    private static let phoneMatcher = PhraseMatcher(phoneWords)
    private static let personMatcher = PhraseMatcher(personWords)

    /// The doubtful spans of `text`, in order, not overlapping; a name whose match key is in
    /// `publicNames` (``Redactor/publicNameKeys``) is not doubtful.
    public static func doubts(in text: String, publicNames: Set<String> = []) -> [Doubt] {
        let scalars = Array(text.unicodeScalars)
        var found = numbers(in: scalars) + names(in: scalars).filter {
            !publicNames.contains(NormalizedText.matchKey(String(String.UnicodeScalarView(scalars[$0.range]))))
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result: [Doubt] = []
        for doubt in found where result.last.map({ $0.range.upperBound <= doubt.range.lowerBound }) ?? true {
            result.append(doubt)
        }
        return result
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { FreeTextDetector.digit(scalar) != nil }

    private static func numbers(in text: [Unicode.Scalar]) -> [Doubt] {
        let phoneEnds = Set(phoneMatcher.matches(in: text).map(\.upperBound))
        var result: [Doubt] = []
        var index = 0
        while index < text.count {
            guard isDigit(text[index]) else { index += 1; continue }
            let start = index
            while index < text.count, isDigit(text[index]) { index += 1 }
            var end = index
            if end < text.count, text[end] == "X" || text[end] == "x" || text[end] == "Ｘ" { end += 1 }
            let digits = index - start
            // A run glued to letters or to more of a number (a code, an amount with a point) is not one.
            let glued = (start > 0 && (text[start - 1].properties.isAlphabetic && text[start - 1].isASCII || text[start - 1] == "."))
                || (end < text.count && text[end].isASCII && text[end].properties.isAlphabetic)
                || (end + 1 < text.count && text[end] == "." && isDigit(text[end + 1]))
            let precededByPhoneWord = (max(0, start - 2)...start).contains { phoneEnds.contains($0) }
            if !glued {
                // An ID number ending in X with a digit too few or too many is not classified either.
                let run = String(String.UnicodeScalarView(text[start..<end].map { FreeTextDetector.digit($0).map { Unicode.Scalar($0 + 0x30) } ?? "X" }))
                if digits == 18, end == index, IdentifierChecksum.isValidUSCC(run) {
                    // A USCC of digits only (914201001776584321): an organisation's code, public.
                } else if (15...19).contains(digits) || (end > index && (14...16).contains(digits)) {
                    result.append(Doubt(range: start..<end, kind: .longNumber))
                } else if digits == 11, text[start] == "1" || text[start] == "１" {
                    result.append(Doubt(range: start..<index, kind: .mobileLike))
                } else if (7...8).contains(digits), precededByPhoneWord {
                    result.append(Doubt(range: start..<index, kind: .phoneLike))
                }
            }
            index = max(end, index)
        }
        return result
    }

    private static func names(in text: [Unicode.Scalar]) -> [Doubt] {
        var result: [Doubt] = []
        for word in personMatcher.matches(in: text) {
            var start = word.upperBound
            while start < text.count, text[start] == "：" || text[start] == ":" || text[start] == " " { start += 1 }
            // Two or three Han characters, or four after a compound surname (欧阳志强), none of
            // them a stop, then a stop or no Han at all (联系人张建涛表示: 张建涛); not what comes
            // before a mask (当事人福州某某公司); not four of a phrase (患者疼痛难忍).
            var end = start
            while end < text.count, end - start < 5, isHan(text[end]), !ContextNameDetector.stops.contains(text[end]) { end += 1 }
            let next = end < text.count ? text[end] : nil
            let length = end - start
            let compound = length == 4 && compoundSurnames.contains(String(String.UnicodeScalarView(text[start..<start + 2])))
            guard (2...3).contains(length) || compound, !notNameStart.contains(text[start]),
                  next.map({ !isHan($0) || ContextNameDetector.stops.contains($0) }) ?? true,
                  next.map({ !"某×○〇*".unicodeScalars.contains($0) }) ?? true else { continue }
            result.append(Doubt(range: start..<end, kind: .nameLike))
        }
        return result
    }

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) || (0x20000...0x3134F).contains(scalar.value)
    }
}
