/// `[publish]` in site.toml: where `gongshi publish` sends the site.
///
/// ```toml
/// [publish]
/// to = "www@web1.example.gov.cn:/srv/www/sxalhc"   # rsync over SSH (or a local folder)
/// ssh = "ssh -i /etc/gongshi/id_ed25519 -p 22"      # the remote shell (optional)
/// bandwidth_kib = 2048                              # upload limit in KiB/s (optional)
/// purge = "/usr/local/bin/purge-cdn"                # CDN purge, addresses on stdin (optional)
/// ```
///
/// `to = "rclone:REMOTE:BUCKET/PATH"` sends to an S3-compatible object store through Debian's
/// `rclone`, configured in rclone's own file (`rclone_config`, default rclone's).
public struct PublishConfiguration: Equatable, Sendable {
    /// The destination (`USER@HOST:/FOLDER`, a local folder, or `rclone:REMOTE:PATH`).
    public var to: String?
    /// The remote shell of rsync.
    public var ssh: String?
    /// Upload limit in KiB/s.
    public var bandwidthKiB: Int?
    /// The CDN purge command.
    public var purge: String?
    /// rclone's configuration file, for an `rclone:` destination.
    public var rcloneConfig: String?

    /// Nothing configured.
    public init() {}

    /// Reads the `[publish]` table; unknown keys are errors.
    init(table: [String: TOMLValue], _ fail: (String) -> SiteFolderError) throws {
        let known: Set<String> = ["to", "ssh", "bandwidth_kib", "purge", "rclone_config"]
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("unknown key 'publish.\(unknown)'")
        }
        func string(_ key: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string, !text.isEmpty else { throw fail("publish.\(key) must be a non-empty string") }
            return text
        }
        to = try string("to")
        ssh = try string("ssh")
        purge = try string("purge")
        rcloneConfig = try string("rclone_config")
        if let value = table["bandwidth_kib"] {
            guard let number = value.integer, number > 0 else { throw fail("publish.bandwidth_kib must be a positive integer") }
            bandwidthKiB = number
        }
    }
}
