import Foundation

/// Personal data in the forms real documents write it (issue: redaction that holds on real
/// documents): each a value the snapshot knows or a detector must find, written full-width,
/// split by separators, markup, references or invisible characters.
struct PlantedForm: CustomStringConvertible, Sendable {
    /// What kind of value, and which form.
    var label: String
    /// The text planted.
    var text: String
    /// The value a reader could recover, in its canonical form (digits, a name, an address).
    var value: String
    /// Whether the form only reads as the value in a Markdown field (plain fields show markup).
    var markdownOnly = false

    /// A name the snapshot does not know, found only by the word before it: masked by the
    /// redactor and found by the audit, but not judged by the last check (a page's own labels
    /// stand before many values, and a false alarm there would stop the day's removals).
    var isUnknownName: Bool { label.hasPrefix("unknown name") }

    var description: String { label }
}

enum PlantedForms {
    /// A natural person's ID number (valid GB 11643), not the subject's own: any such number.
    static let idNumber = "350102199003074515"
    /// One with a check character X.
    static let idNumberX = "11010519491231002X"
    static let mobile = "13812345678"
    static let landline = "059187654321"
    static let card = "6222021234567890128"
    static let email = "zhangsan@example.com"
    /// Known natural persons of the planted snapshot.
    static let name = "王小明"
    static let compoundName = "欧阳娜娜"
    static let operatorName = "李大海"
    static let romanName = "Zhang Wei"
    /// Names the snapshot does not know, after context words.
    static let unknownNames = ["张建涛", "孙桂芳", "刘德华"]

    private static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x21...0x7E).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
        }))
    }

    private static func mathDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x30...0x39).contains(scalar.value) ? Unicode.Scalar(0x1D7F6 + scalar.value - 0x30)! : scalar
        }))
    }

    private static func groups(_ text: String, _ sizes: [Int]) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        for size in sizes where !rest.isEmpty {
            result.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }

    private static func entities(_ text: String, hex: Bool) -> String {
        text.unicodeScalars.map { hex ? "&#x\(String($0.value, radix: 16));" : "&#\($0.value);" }.joined()
    }

    private static func percent(_ text: String) -> String {
        text.utf8.map { String(format: "%%%02X", $0) }.joined()
    }

    /// The forms of a number (ID, phone, card), grouped as people write it.
    static func numberForms(_ label: String, _ value: String, grouping: [Int]) -> [PlantedForm] {
        let parts = groups(value, grouping)
        func form(_ name: String, _ text: String, markdownOnly: Bool = false) -> PlantedForm {
            PlantedForm(label: "\(label) \(name)", text: text, value: value, markdownOnly: markdownOnly)
        }
        let head = String(value.prefix(4)), tail = String(value.dropFirst(4))
        var forms = [
            form("plain", value),
            form("full-width", fullWidth(value)),
            form("mathematical digits", mathDigits(value)),
            form("spaces", parts.joined(separator: " ")),
            form("dots", parts.joined(separator: ".")),
            form("slashes", parts.joined(separator: "/")),
            form("dashes", parts.joined(separator: "-")),
            form("tabs", parts.joined(separator: "\t")),
            form("newlines", parts.joined(separator: "\n")),
            form("two spaces", parts.joined(separator: "  ")),
            form("no-break spaces", parts.joined(separator: "\u{A0}")),
            form("ideographic spaces", parts.joined(separator: "\u{3000}")),
            form("full-width dashes", parts.joined(separator: "\u{FF0D}")),
            form("middle dots", parts.joined(separator: "·")),
            form("escaped dashes", parts.joined(separator: "\\-")),
            form("full-width and spaces", fullWidth(parts.joined(separator: " "))),
            form("zero-width spaces", parts.joined(separator: "\u{200B}")),
            form("soft hyphens", parts.joined(separator: "\u{AD}")),
            form("word joiners", parts.joined(separator: "\u{2060}")),
            form("byte-order marks", parts.joined(separator: "\u{FEFF}")),
            form("bidi override", "\u{202E}" + parts.joined(separator: "\u{202C}")),
            form("bold inside", head + "**" + String(tail.prefix(2)) + "**" + String(tail.dropFirst(2))),
            form("strike-through", "~~" + head + "~~" + tail),
            form("code span", "`" + value + "`"),
            form("split link", "[" + head + "](https://a.example.cn/)" + tail, markdownOnly: true),
            form("image alt", "![" + value + "](https://img.example.cn/a.png)", markdownOnly: true),
            form("decimal reference", entities(String(value.prefix(1)), hex: false) + value.dropFirst()),
            form("hex references", entities(head, hex: true) + tail),
            form("all references", entities(value, hex: false)),
            form("inline HTML", head + "<b></b>" + tail, markdownOnly: true),
            form("HTML comment", head + "<!-- x -->" + tail, markdownOnly: true),
            form("percent-encoded link", "[查询](https://a.example.cn/q?id=" + percent(value) + ")", markdownOnly: true),
            form("link target", "[查询](https://a.example.cn/q?id=" + value + ")", markdownOnly: true),
            form("autolink", "<https://a.example.cn/q?id=" + value + ">"),
            form("percent-encoded text", percent(value)),
        ]
        forms.append(form("full-width brackets", "（" + parts[0] + "）" + parts.dropFirst().joined()))
        return forms
    }

    /// Every planted form.
    static let all: [PlantedForm] = {
        var forms = numberForms("ID number", idNumber, grouping: [6, 8, 4])
            + numberForms("ID number with X", idNumberX, grouping: [6, 8, 4])
            + numberForms("mobile", mobile, grouping: [3, 4, 4])
            + numberForms("card", card, grouping: [4, 4, 4, 4, 3])
        func form(_ label: String, _ text: String, _ value: String, markdownOnly: Bool = false) -> PlantedForm {
            PlantedForm(label: label, text: text, value: value, markdownOnly: markdownOnly)
        }
        forms += [
            form("mobile +86", "+86 138 1234 5678", mobile),
            form("mobile 0086", "0086 138 1234 5678", mobile),
            form("mobile 86-", "86-138-1234-5678", mobile),
            form("mobile full-width +86", fullWidth("+86 13812345678"), mobile),
            form("mobile dotted", "138.1234.5678", mobile),
            form("landline brackets", "(0591)87654321", landline),
            form("landline full-width brackets", "（0591）8765 4321", landline),
            form("landline dashes", "0591-8765-4321", landline),
            form("landline full-width", fullWidth("0591-87654321"), landline),
            form("e-mail plain", email, email),
            form("e-mail full-width", fullWidth(email), email),
            form("e-mail full-width at", "zhangsan＠example.com", email),
            form("e-mail full-width dot", "zhangsan@example．com", email),
            form("e-mail reference at", "zhangsan&#64;example.com", email),
            form("e-mail named references", "zhangsan&commat;example&period;com", email),
            form("e-mail zero-width", "zhang\u{200B}san@exa\u{200B}mple.com", email),
            form("e-mail inline HTML", "zhang<b></b>san@example.com", email, markdownOnly: true),
            form("e-mail percent-encoded link", "[邮件](mailto:" + percent(email) + ")", email, markdownOnly: true),
            form("e-mail autolink", "<" + email + ">", email),
            form("e-mail upper case", email.uppercased(), email),
        ]
        for (label, name) in [("name", PlantedForms.name), ("compound name", compoundName), ("operator name", operatorName)] {
            let characters = name.map(String.init)
            forms += [
                form("\(label) plain", name, name),
                form("\(label) spaced", characters.joined(separator: " "), name),
                form("\(label) ideographic spaces", characters.joined(separator: "\u{3000}"), name),
                form("\(label) no-break spaces", characters.joined(separator: "\u{A0}"), name),
                form("\(label) tab and newline", characters[0] + "\t" + characters.dropFirst().joined(separator: "\n"), name),
                form("\(label) zero-width", characters.joined(separator: "\u{200B}"), name),
                form("\(label) soft hyphen", characters.joined(separator: "\u{AD}"), name),
                form("\(label) bold inside", characters[0] + "**" + characters[1] + "**" + characters.dropFirst(2).joined(), name),
                form("\(label) split link", "[" + characters[0] + "](https://a.example.cn/)" + characters.dropFirst().joined(),
                     name, markdownOnly: true),
                form("\(label) image alt", "![" + name + "](https://img.example.cn/a.png)", name, markdownOnly: true),
                form("\(label) references", entities(characters[0], hex: false) + characters.dropFirst().joined(), name),
                form("\(label) hex references", entities(name, hex: true), name),
                form("\(label) inline HTML", characters[0] + "<span></span>" + characters.dropFirst().joined(), name,
                     markdownOnly: true),
                form("\(label) comment", characters[0] + "<!---->" + characters.dropFirst().joined(), name, markdownOnly: true),
                form("\(label) percent-encoded link", "[档案](https://a.example.cn/?n=" + percent(name) + ")", name,
                     markdownOnly: true),
            ]
        }
        forms += [
            // 李 as the CJK compatibility ideograph U+F9E1.
            form("operator name compatibility ideograph", "\u{F9E1}大海", operatorName),
            form("roman name", romanName, "zhangwei"),
            form("roman name upper case", romanName.uppercased(), "zhangwei"),
            form("roman name lower case", romanName.lowercased(), "zhangwei"),
            form("roman name full-width", fullWidth(romanName), "zhangwei"),
        ]
        for (index, name) in unknownNames.enumerated() {
            let word = ["联系人", "患者", "当事人"][index]
            forms += [
                form("unknown name after \(word)", word + name + "，", name),
                form("unknown name after \(word) with colon", word + "：" + name + "。", name),
                form("unknown name after \(word) spaced", word + " " + name.map(String.init).joined(separator: " ") + "。", name),
            ]
        }
        return forms
    }()
}
