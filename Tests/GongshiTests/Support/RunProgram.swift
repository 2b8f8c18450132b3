import Foundation

/// Runs a program to its end: its exit status, and its standard output and error together.
/// The sandbox's `AWS_CA_BUNDLE` is left out of its environment (rclone's S3 client fails on
/// it even for plain http); nothing else the tests run reads it. The locale is `locale`
/// whatever the tests' own (`C.UTF-8`: English messages; `zh_CN.UTF-8`: Chinese).
func runProgram(_ arguments: [String], locale: String = "C.UTF-8") throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
    process.environment = environment(locale: locale).filter { $0.key != "AWS_CA_BUNDLE" }
    process.standardInput = FileHandle.nullDevice
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The tests' environment with `LANG=locale` and no `LC_ALL` or `LC_MESSAGES` to override it.
func environment(locale: String) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { $0.key != "LC_ALL" && $0.key != "LC_MESSAGES" }
    environment["LANG"] = locale
    return environment
}
