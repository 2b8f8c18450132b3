import Foundation
import Messages

/// The preview's access log: one JSON line per login, refused login, logout and reveal of
/// originals (who, when, from where, which row and fields), appended to a file the operators
/// keep. Opened with `O_APPEND`, so lines of two previews sharing it never interleave.
actor AccessLog {
    /// One line.
    struct Entry: Encodable {
        var time: String
        var event: String
        var reviewer: String
        var address: String
        var table: String?
        var id: String?
        var fields: [String]?
    }

    private let descriptor: Int32
    let path: String

    /// Opens (creating, mode 0600) `path` for appending.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw PreviewError(Message("access_log_unwritable", ["path": path]))
        }
    }

    deinit { close(descriptor) }

    /// Appends an entry stamped now (UTC, seconds).
    func write(event: String, reviewer: String, address: String, table: String? = nil, id: String? = nil, fields: [String]? = nil) {
        let entry = Entry(time: Date().ISO8601Format(), event: event, reviewer: reviewer, address: address,
                          table: table, id: id, fields: fields)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(entry) else { return }
        line.append(0x0A)
        let written = line.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        if written != line.count {
            FileHandle.standardError.write(Data(("gongshi: " + Message("access_log_unwritable", ["path": path]).coded() + "\n").utf8))
        }
    }
}
