import Foundation
import Messages

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// `gongshi: MESSAGE` on standard output, in the process's language (summaries).
func say(_ code: String, _ arguments: [String: String] = [:]) {
    print("gongshi: " + Message(code, arguments).text(in: .current))
}

/// `gongshi: MESSAGE` on standard error (what follows a failure, without a code).
func tell(_ code: String, _ arguments: [String: String] = [:]) {
    printError("gongshi: " + Message(code, arguments).text(in: .current))
}

/// `gongshi: 警告：MESSAGE [code]` on standard error.
func warn(_ code: String, _ arguments: [String: String] = [:]) {
    let language = MessageLanguage.current
    printError("gongshi: " + language.severityPrefix(isError: false) + Message(code, arguments).coded(in: language))
}

/// `gongshi: 错误：MESSAGE [code]` on standard error.
func fail(_ code: String, _ arguments: [String: String] = [:]) {
    printFailure(Message(code, arguments))
}

/// `gongshi: 错误：WHAT` for a failure (`gongshi: error: WHAT` in English), once: a snapshot
/// problem's own text starts with its severity, which is not repeated.
func printFailure(_ failure: Any) {
    let language = MessageLanguage.current
    let prefix = language.severityPrefix(isError: true)
    var message = (failure as? Message)?.coded(in: language) ?? language.text(of: failure)
    if message.hasPrefix(prefix) { message.removeFirst(prefix.count) }
    printError("gongshi: " + prefix + message)
}
