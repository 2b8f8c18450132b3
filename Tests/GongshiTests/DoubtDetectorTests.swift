import CreditVocabulary
@testable import Redaction
import Testing

@Suite("Doubtful text: what no rule changed but looks like personal data")
struct DoubtDetectorTests {
    func kinds(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return DoubtDetector.doubts(in: text).map {
            "\($0.kind.rawValue):" + String(String.UnicodeScalarView(scalars[$0.range]))
        }
    }

    @Test("long numbers no rule classified, 11 digits from 1, short numbers after a phone word")
    func numbers() {
        // The precondition: these are left as they are by the free-text detector.
        for digits in ["123456789012345670", "350102199001011X", "10012345678"] {
            #expect(FreeTextDetector.classify(digits) == nil && !IdentifierChecksum.isValidUSCC(digits), "\(digits) is classified")
        }
        #expect(kinds("身份证号123456789012345670（疑有误）") == ["long_number:123456789012345670"])
        #expect(kinds("证号350102199001011X。") == ["long_number:350102199001011X"])
        #expect(kinds("手机１００１２３４５６７８") == ["mobile_like:１００１２３４５６７８"])
        #expect(kinds("联系电话：87654321，") == ["phone_like:87654321"])
        #expect(kinds("电话 8765432") == ["phone_like:8765432"])
    }

    @Test("what is not doubtful: amounts, document numbers, codes, masks, short numbers without a phone word")
    func notDoubtful() {
        for text in ["罚款1200000元", "榕市监罚〔2026〕12号", "统一社会信用代码91350100M000100Y43", "手机138****5678",
                     "身份证4206**********0513", "2026年12月4日", "订单号AB123456789012345670", "金额12345678901.5元",
                     "共87654321元", "案号（2026）闽0102执12345678号", "代码914201001776584321"] {
            #expect(kinds(text).isEmpty, "\(text): \(kinds(text))")
        }
    }

    @Test("Han characters after a word that introduces a person, unless masked, a function word or a legal person's representative")
    func names() {
        #expect(kinds("联系人禤小龙表示不知情") == ["name_like:禤小龙"])
        #expect(kinds("当事人欧阳志强承认") == ["name_like:欧阳志强"])
        #expect(kinds("患者李四已出院") == ["name_like:李四"])
        for text in ["当事人于次日补缴", "联系人王某", "当事人福州某某公司", "法定代表人张三", "负责人李四", "联系人为其本人",
                     "当事人×××", "投诉人称", "患者疼痛难忍", "当事人：阿依古丽，", "纳入失信被执行人名单"] {
            #expect(kinds(text).isEmpty, "\(text): \(kinds(text))")
        }
    }

    @Test("a name the public may read (a legal person's representative) is not doubtful")
    func publicNames() {
        let text = "制定安置方案，联系人孙海涛（电话见公告）"
        #expect(kinds(text) == ["name_like:孙海涛"])
        #expect(DoubtDetector.doubts(in: text, publicNames: [NormalizedText.matchKey("孙海涛")]).isEmpty)
    }

    @Test("spans do not overlap and come in order; linear on a long text")
    func order() {
        let text = String(repeating: "联系人禤小龙，电话87654321，证号123456789012345670。", count: 2000)
        let doubts = DoubtDetector.doubts(in: text)
        #expect(doubts.count == 6000)
        #expect(zip(doubts, doubts.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound })
    }
}
