import Foundation

/// What tells that a file was replaced or rewritten: its modification time, size and inode
/// (nil fields for a file that is not there), for the files the preview reads again when they
/// change (the snapshot, the accounts).
struct FileStamp: Equatable, Sendable {
    var modified: Date?
    var size: Int?
    var inode: Int?

    /// The stamp of the file at `path` now.
    init(of path: String) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        modified = attributes?[.modificationDate] as? Date
        size = (attributes?[.size] as? NSNumber)?.intValue
        inode = (attributes?[.systemFileNumber] as? NSNumber)?.intValue
    }
}
