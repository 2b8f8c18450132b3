/// The reviewers' sessions, in memory only (a restart logs everyone out): a random token per
/// login, which lapses after `idle` without a request and after `lifetime` in any case.
actor SessionStore {
    struct Session {
        var reviewer: String
        var started: ContinuousClock.Instant
        var lastSeen: ContinuousClock.Instant
    }

    private var sessions: [String: Session] = [:]
    private let idle: Duration
    private let lifetime: Duration
    private let clock = ContinuousClock()

    init(idle: Duration, lifetime: Duration) {
        self.idle = idle
        self.lifetime = lifetime
    }

    /// A new session for `reviewer`; its token (256 random bits, hex).
    func open(for reviewer: String) -> String {
        forgetLapsed()
        var generator = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
        let now = clock.now
        sessions[token] = Session(reviewer: reviewer, started: now, lastSeen: now)
        return token
    }

    /// The reviewer of a live session, which this request keeps alive; nil when the token is
    /// unknown or lapsed.
    func reviewer(for token: String) -> String? {
        guard var session = sessions[token] else { return nil }
        let now = clock.now
        guard now - session.lastSeen < idle, now - session.started < lifetime else {
            sessions[token] = nil
            return nil
        }
        session.lastSeen = now
        sessions[token] = session
        return session.reviewer
    }

    /// Ends a session.
    func close(_ token: String) {
        sessions[token] = nil
    }

    private func forgetLapsed() {
        let now = clock.now
        sessions = sessions.filter { now - $0.value.lastSeen < idle && now - $0.value.started < lifetime }
    }
}
