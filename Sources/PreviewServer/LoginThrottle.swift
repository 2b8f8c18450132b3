/// Slows guessing: every refused login answers only after `delay`, and a name or an address
/// with `limit` refusals within `window` is locked out for `lockout`, right password or not.
public actor LoginThrottle {
    /// The throttle's figures.
    public struct Policy: Sendable {
        /// The wait before a refusal is answered.
        public var delay: Duration
        /// Refusals allowed within `window` before a lockout.
        public var limit: Int
        /// How far back refusals count.
        public var window: Duration
        /// How long a lockout lasts.
        public var lockout: Duration

        /// Figures (by default: 1 s, 5 refusals in 15 minutes, 15 minutes locked).
        public init(delay: Duration = .seconds(1), limit: Int = 5, window: Duration = .seconds(900), lockout: Duration = .seconds(900)) {
            self.delay = delay
            self.limit = limit
            self.window = window
            self.lockout = lockout
        }
    }

    private let policy: Policy
    private let clock = ContinuousClock()
    private var refusals: [String: [ContinuousClock.Instant]] = [:]
    private var lockedUntil: [String: ContinuousClock.Instant] = [:]

    init(_ policy: Policy) {
        self.policy = policy
    }

    /// The wait before a refusal is answered.
    nonisolated var delay: Duration { policy.delay }

    /// Whether any of `keys` (`user:NAME`, `addr:ADDRESS`) is locked out now.
    func isLocked(_ keys: [String]) -> Bool {
        let now = clock.now
        return keys.contains { key in lockedUntil[key].map { now < $0 } ?? false }
    }

    /// Counts a refusal against each key; locks a key that reached the limit.
    func refused(_ keys: [String]) {
        let now = clock.now
        for key in keys {
            var times = (refusals[key] ?? []).filter { now - $0 < policy.window }
            times.append(now)
            if times.count >= policy.limit {
                lockedUntil[key] = now.advanced(by: policy.lockout)
                times.removeAll()
            }
            refusals[key] = times
        }
        if refusals.count > 10_000 { refusals = refusals.filter { !$0.value.isEmpty } }
    }

    /// Forgets a name's refusals after it logged in.
    func succeeded(_ keys: [String]) {
        for key in keys { refusals[key] = nil }
    }
}
