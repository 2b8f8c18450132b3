import Foundation

/// The new site's manifest, written to a temporary file beside the published one
/// (``StagedOutput/draftManifest(_:)``) and put in place by ``StagedOutput/publish(_:manifest:)``.
public struct ManifestDraft: Sendable {
    /// The temporary file.
    public let url: URL
    /// The manifest's SHA-256 (names the site it describes).
    public let id: [UInt8]

    /// Removes the temporary file (nothing when it was put in place).
    public func remove() {
        unlink(url.path)
    }
}
