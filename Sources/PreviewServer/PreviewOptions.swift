/// How `gongshi preview` runs.
public struct PreviewOptions: Sendable {
    /// The snapshot, read afresh whenever the file changes.
    public var snapshot: String
    /// The site folder (layouts, policy, slug key).
    public var site: String
    /// Address to bind; loopback unless `allowRemote`.
    public var host: String
    /// Port (0: any free port).
    public var port: Int
    /// Allow a non-loopback address.
    public var allowRemote: Bool

    /// Options.
    public init(snapshot: String, site: String = ".", host: String = "127.0.0.1", port: Int = 8080, allowRemote: Bool = false) {
        self.snapshot = snapshot
        self.site = site
        self.host = host
        self.port = port
        self.allowRemote = allowRemote
    }
}

/// A preview that may not start.
public struct PreviewError: Error, CustomStringConvertible {
    /// Why.
    public var description: String

    /// An error saying why.
    public init(description: String) {
        self.description = description
    }
}
