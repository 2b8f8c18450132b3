/// A value whose text the message catalogue writes, in either language: the commands print
/// errors and reports through this, so that `LANG` chooses their language.
public protocol LocalizedText {
    /// The text in `language`.
    func text(in language: MessageLanguage) -> String
}

extension Message: LocalizedText {}

extension MessageLanguage {
    /// The text of `value` in this language: the catalogue's when it has one, its
    /// description otherwise.
    public func text(of value: Any) -> String {
        (value as? any LocalizedText)?.text(in: self) ?? "\(value)"
    }

    /// `：` in Chinese, `: ` in English, between a place and what is said of it.
    public var separator: String { self == .chinese ? "：" : ": " }

    /// `错误：` or `警告：` (`error: `, `warning: `): what a problem's line starts with.
    public func severityPrefix(isError: Bool) -> String {
        Message(isError ? "severity_error" : "severity_warning").text(in: self) + separator
    }
}
