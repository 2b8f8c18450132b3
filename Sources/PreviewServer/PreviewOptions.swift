import Messages

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
    /// Allow a non-loopback address (then `users` is required).
    public var allowRemote: Bool
    /// The reviewers' accounts file (``ReviewerAccounts``); when set, every page but the login
    /// asks for a session, on loopback too (the preview behind a TLS proxy).
    public var users: String?
    /// Host names the preview answers to besides its own address (the proxy's public name);
    /// any other `Host` header is refused, which stops DNS rebinding.
    public var serverNames: [String]
    /// Where each reveal of an original, each login and each refused login is written, one
    /// JSON line each.
    public var accessLog: String
    /// How long a session lasts without a request, and at most.
    public var sessionIdle: Duration
    /// The longest a session lasts, however active.
    public var sessionLifetime: Duration
    /// How failed logins are slowed.
    public var throttle: LoginThrottle.Policy
    /// How long a connection may stay idle (or take to send its request) before it is closed.
    public var idleTimeout: Duration

    /// Options.
    public init(snapshot: String, site: String = ".", host: String = "127.0.0.1", port: Int = 8080, allowRemote: Bool = false,
                users: String? = nil, serverNames: [String] = [], accessLog: String = "preview-access.log",
                sessionIdle: Duration = .seconds(30 * 60), sessionLifetime: Duration = .seconds(10 * 3600),
                throttle: LoginThrottle.Policy = .init(), idleTimeout: Duration = .seconds(30)) {
        self.snapshot = snapshot
        self.site = site
        self.host = host
        self.port = port
        self.allowRemote = allowRemote
        self.users = users
        self.serverNames = serverNames
        self.accessLog = accessLog
        self.sessionIdle = sessionIdle
        self.sessionLifetime = sessionLifetime
        self.throttle = throttle
        self.idleTimeout = idleTimeout
    }

    /// Whether reviewers log in.
    public var requiresLogin: Bool { users != nil }
}

/// A preview that may not start.
public struct PreviewError: Error, CustomStringConvertible, LocalizedText {
    /// Why.
    public var message: Message

    /// An error saying why.
    public init(_ message: Message) {
        self.message = message
    }

    /// An error of the tests' or the program's own making, as it is.
    public init(description: String) {
        self.message = Message("preview_detail", ["detail": description])
    }

    public func text(in language: MessageLanguage) -> String { message.coded(in: language) }

    public var description: String { text(in: .current) }
}
