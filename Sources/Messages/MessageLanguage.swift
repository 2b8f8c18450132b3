import Foundation

/// The language of the command line's messages: Chinese unless the locale asks for English.
///
/// The first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides, as in
/// POSIX: `C`, `POSIX` (with any `.codeset`) and `en…` mean English; anything else, or none,
/// means Chinese, the language of the offices gongshi is made for.
public enum MessageLanguage: String, Sendable, CaseIterable {
    /// 简体中文 (the default).
    case chinese = "zh"
    /// English, for `LANG=C` or `en_*`.
    case english = "en"

    /// The language `environment` asks for.
    public static func from(environment: [String: String]) -> MessageLanguage {
        let name = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let base = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        if base == "C" || base == "POSIX" || base.lowercased().hasPrefix("en") { return .english }
        return .chinese
    }

    /// The language of this process's environment, read once.
    public static let current = from(environment: ProcessInfo.processInfo.environment)
}
