import Messages
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
    init(table values: [String: TOMLValue], _ fail: @escaping (_ code: String, _ key: String) -> SiteFolderError) throws {
        let table = try SettingsTable(values, name: "publish", known: ["to", "ssh", "bandwidth_kib", "purge", "rclone_config"], fail: fail)
        to = try table.string("to")
        ssh = try table.string("ssh")
        purge = try table.string("purge")
        rcloneConfig = try table.string("rclone_config")
        bandwidthKiB = try table.integer("bandwidth_kib", in: 1...Int.max)
    }
}
