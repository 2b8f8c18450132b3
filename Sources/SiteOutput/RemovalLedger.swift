import Foundation

/// The paths a publication removed, kept for ``keptDays`` days with the time of removal
/// (`NAME.removed.json` in the state folder): `gongshi verify` checks every one of them is gone
/// from the web host, so a removal whose upload failed on its day is still checked, and
/// found, on the days after.
public struct RemovalLedger: Sendable, Equatable {
    /// How long a removed path is checked.
    public static let keptDays = 60

    /// Removed path → when (seconds since 1970).
    public private(set) var removedAt: [String: Double] = [:]

    /// An empty ledger.
    public init() {}

    /// The ledger at `url`; empty when there is none or it cannot be read (it is rebuilt
    /// from the next removals).
    public static func read(_ url: URL) -> RemovalLedger {
        var ledger = RemovalLedger()
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let removed = object["removed"] as? [String: Double] else { return ledger }
        ledger.removedAt = removed
        return ledger
    }

    /// Adds `removed` at `date`, forgets paths published again (`present`) and entries older
    /// than ``keptDays``.
    public mutating func record(removed: [String], present: some Sequence<String>, at date: Date) {
        let now = date.timeIntervalSince1970
        for path in removed { removedAt[path] = now }
        for path in present { removedAt[path] = nil }
        removedAt = removedAt.filter { now - $0.value <= Double(Self.keptDays) * 86_400 }
    }

    /// The JSON written to the state folder.
    public func encoded() throws -> Data {
        try StateFile.json(["removed": removedAt])
    }
}
