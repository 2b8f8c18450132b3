import Foundation

/// How files reach the web host. A transport compares bytes itself before sending, so a list
/// longer than needed costs reading time, never uploads.
public protocol PublishTransport: Sendable {
    /// Where the files go, for messages (`www@web1:/srv/www/sxalhc`).
    var destination: String { get }

    /// Sends the files at `paths` (relative to `root`) whose bytes differ on the host.
    /// - Returns: how many files were sent.
    func upload(_ paths: [String], from root: URL, listFile: URL) throws -> Int

    /// Makes the host equal to `root`: sends what differs (by size and modification time, or
    /// with `compareBytes` by content), then deletes what `root` does not have.
    func mirror(_ root: URL, compareBytes: Bool) throws -> MirrorCount
}

/// What a mirroring pass changed on the host.
public struct MirrorCount: Equatable, Sendable {
    /// Files sent (found different on the host: edited there, or left by a killed run).
    public var uploaded: [String]
    /// Files deleted from the host.
    public var deleted: [String]

    /// A count.
    public init(uploaded: [String] = [], deleted: [String] = []) {
        self.uploaded = uploaded
        self.deleted = deleted
    }
}
