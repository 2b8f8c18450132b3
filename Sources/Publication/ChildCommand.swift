import Foundation

/// Runs a program to the end, as the transports and the purge hook need: its standard output
/// is returned as lines, its standard error kept for the error message.
struct ChildCommand {
    /// The program and its arguments.
    var arguments: [String]
    /// Bytes written to its standard input, if any.
    var input: Data?

    /// Runs it; a non-zero exit is a ``PublishError`` naming the command and ending with the
    /// last lines it wrote to standard error.
    func run() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let output = Pipe()
        // Standard error goes to a file, so that a program writing much to both never blocks.
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errors.path, contents: nil) else {
            throw PublishError("\(errors.path): cannot be written")
        }
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        process.standardOutput = output
        process.standardError = errorHandle
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PublishError("\(arguments[0]): cannot be started (\(error.localizedDescription))")
        }
        if let inputPipe, let input {
            try? inputPipe.fileHandleForWriting.write(contentsOf: input)
            try? inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let tail = stderr.split(separator: "\n").suffix(6).joined(separator: "\n  ")
            let how = process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "signal \(process.terminationStatus)"
            throw PublishError("\(Self.shortName(arguments)) failed (\(how))" + (tail.isEmpty ? "" : ":\n  " + tail))
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The program's name and its first arguments, for messages.
    static func shortName(_ arguments: [String]) -> String {
        (arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "?")
    }
}
