import Foundation

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// `gongshi: error: WHAT` for a failure, once: a snapshot problem's own description starts
/// with its severity (`error: FILE: …`), which is not repeated.
func printFailure(_ failure: Any) {
    var message = "\(failure)"
    if message.hasPrefix("error: ") { message.removeFirst("error: ".count) }
    printError("gongshi: error: " + message)
}
