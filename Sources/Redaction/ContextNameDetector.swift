/// Finds Chinese personal names the snapshot does not know, by the word before them:
/// 联系人张建涛, 患者王小明, 当事人：李四. A name is a common surname (compound ones included)
/// and one or two given-name characters, followed by something that cannot continue a name
/// (punctuation, a digit, the end, or a word such as 电话, 已, 于, 表示). Masked forms (王某,
/// 李××) and the site's public names (legal representatives of legal persons) are left alone.
///
/// Works on the compacted view (white space removed), so 联系人 张 建 涛 is found too. Linear:
/// each position is tried against a bounded number of context words.
struct ContextNameDetector: Sendable {
    /// The words after which a name is looked for.
    static let contextWords: [String] = [
        "联系人", "患者", "当事人", "负责人", "法定代表人", "法人代表", "经营者", "实际控制人", "举报人", "投诉人", "证人",
        "申请人", "被申请人", "代理人", "委托代理人", "监护人", "受害人", "户主", "店主", "驾驶人", "驾驶员", "经办人",
        "责任人", "直接责任人", "嫌疑人", "见证人", "借款人", "担保人", "被执行人", "收款人", "户名", "姓名",
    ]

    /// Common single-character surnames, without those that are also common words right
    /// after a context word (于 向 应 和 由 来 时 全 成 相 信 展 原 同 ...), which would turn
    /// 当事人于次日 into a name.
    static let surnames: Set<Unicode.Scalar> = Set(
        ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
            + "石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施牛樊葛邢乔伍庞颜倪庄聂章鲁"
            + "岳翟殷詹申欧耿焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍喻祁蒲房滕屈饶解牟艾尤穆"
            + "农卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池"
            + "查麻苑迟邝封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘闻厉伊仝郜阚权帅屠豆朴盖练廉禹井祖漆巴丰卿狄计索宣晋初"
            + "扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇湛宾戎勾茅揭尉冶斯束檀衣阴昝智幸奉衡富尧闭")
            .unicodeScalars)

    /// Characters that end a name: what usually follows one in a record (电话, 手机, 已, 于, 表示,
    /// 称, 等) and cannot be a given name's character here. 某, ×, * and ○ mark a masked name.
    static let stops: Set<Unicode.Scalar> = Set(
        "某×*○〇xX的已于在未对因等及和与跟同称表是为将被向到说拒经系自也均即从并所之以后前时了不无有现住年月日出签确承提认主作当涉违曾供称先女男电手身证身份联住户家"
            .unicodeScalars)

    private let words: PhraseMatcher
    private let publicNames: Set<String>

    /// A detector that leaves `publicNames` (matching keys, see ``NormalizedText/matchKey(_:)``)
    /// unmasked.
    init(publicNames: Set<String>) {
        words = PhraseMatcher(Self.contextWords)
        self.publicNames = publicNames
    }

    /// The names found in a compacted view: ranges in the view and masked forms.
    func detect(in text: [Unicode.Scalar]) -> [(range: Range<Int>, mask: String)] {
        var result: [(range: Range<Int>, mask: String)] = []
        for word in words.matches(in: text) {
            var start = word.upperBound
            if start < text.count, text[start] == "：" || text[start] == ":" || text[start] == "为" || text[start] == "是" {
                start += 1
            }
            guard let name = name(in: text, at: start) else { continue }
            let key = String(String.UnicodeScalarView(text[name.range]))
            if !publicNames.contains(key) { result.append(name) }
        }
        return result
    }

    /// A surname and one or two given-name characters at `start`, followed by a stop.
    private func name(in text: [Unicode.Scalar], at start: Int) -> (range: Range<Int>, mask: String)? {
        guard start < text.count else { return nil }
        var surnameLength = 0
        if start + 1 < text.count, NameMask.compoundSurnames.contains(String(String.UnicodeScalarView(text[start...(start + 1)]))) {
            surnameLength = 2
        } else if Self.surnames.contains(text[start]) {
            surnameLength = 1
        }
        guard surnameLength > 0 else { return nil }
        let givenStart = start + surnameLength
        for givenLength in [2, 1] {
            let end = givenStart + givenLength
            guard end <= text.count, text[givenStart..<end].allSatisfy(isGivenNameCharacter) else { continue }
            if end == text.count || !isHan(text[end]) || Self.stops.contains(text[end]) {
                return (start..<end, String(String.UnicodeScalarView(text[start..<givenStart])) + "某")
            }
        }
        return nil
    }

    private func isGivenNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isHan(scalar) && !Self.stops.contains(scalar)
    }

    private func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }
}
