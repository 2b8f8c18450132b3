import CreditVocabulary
import Foundation
import GRDB

/// The built-in demo snapshot (`gongshi demo`): the five media-exposure cases pushed by the
/// national platform, with invented subjects, records and people, and dates relative to
/// `today` so that the demo site always has something in every state.
public enum DemoSnapshot {
    /// Writes the demo snapshot to `path` (replacing it) for a build around `today`.
    public static func write(to path: String, today: CivilDate = .today()) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try? FileManager.default.removeItem(at: temporary)
        let queue = try DatabaseQueue(path: temporary.path)
        try queue.write { db in
            try db.execute(sql: SnapshotFormat.createSQL)
            try DemoContent(db: db, today: today).insertAll()
        }
        try queue.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
