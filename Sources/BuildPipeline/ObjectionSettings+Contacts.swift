import PageModel
import Redaction
import SiteConfig

extension ObjectionSettings {
    /// The contact lines pages show, in order, labelled in Chinese.
    var contacts: [SiteInfo.ObjectionContact] {
        var lines: [SiteInfo.ObjectionContact] = []
        func add(_ label: String, _ value: String?, href: String? = nil) {
            if let value { lines.append(.init(label: label, value: SiteText(operatorAuthored: value), href: href)) }
        }
        add("受理部门", office)
        add("地址", address)
        add("电话", phone)
        add("网上申请", online, href: online)
        add("办理时间", hours)
        return lines
    }
}
