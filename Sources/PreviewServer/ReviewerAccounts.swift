import Foundation
import HummingbirdBcrypt
import Messages
import SiteOutput

/// The reviewers who may log in to a preview: a text file of `name:bcrypt-hash` lines (`#`
/// starts a comment), written by `gongshi preview-user` with mode 0600. Passwords are never
/// stored, only their bcrypt hashes.
public struct ReviewerAccounts: Sendable, Equatable {
    /// Hashes by reviewer name, in file order.
    public private(set) var hashes: [(name: String, hash: String)]

    /// The shortest password `add` accepts.
    public static let minimumPasswordLength = 10
    /// bcrypt's work factor for new passwords (about a quarter of a second here).
    public static let defaultCost: UInt8 = 12

    /// No accounts.
    public init() { hashes = [] }

    /// Reads `path`; a line that is not `name:hash` is an error naming the file and line.
    public init(contentsOf path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PreviewError(Message("users_unreadable", ["path": path]))
        }
        hashes = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), Self.isValidName(String(line[..<colon])),
                  line[line.index(after: colon)...].hasPrefix("$2") else {
                throw PreviewError(Message("users_line", ["path": path, "line": "\(number + 1)"]))
            }
            hashes.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
    }

    public static func == (left: ReviewerAccounts, right: ReviewerAccounts) -> Bool {
        left.hashes.map(\.name) == right.hashes.map(\.name) && left.hashes.map(\.hash) == right.hashes.map(\.hash)
    }

    /// The reviewers' names.
    public var names: [String] { hashes.map(\.name) }

    /// Whether `name` can be an account: 1-64 characters, no colon, space or control.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && !name.unicodeScalars.contains {
            $0 == ":" || $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }
    }

    /// Adds `name` or replaces its password.
    public mutating func set(_ name: String, password: String, cost: UInt8 = defaultCost) throws {
        guard Self.isValidName(name) else {
            throw PreviewError(Message("user_name", ["name": name]))
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw PreviewError(Message("password_short", ["count": "\(Self.minimumPasswordLength)"]))
        }
        let hash = Bcrypt.hash(password, cost: cost)
        if let index = hashes.firstIndex(where: { $0.name == name }) {
            hashes[index].hash = hash
        } else {
            hashes.append((name, hash))
        }
    }

    /// Removes `name`; false when there was no such account.
    public mutating func remove(_ name: String) -> Bool {
        let before = hashes.count
        hashes.removeAll { $0.name == name }
        return hashes.count < before
    }

    /// Whether `password` is `name`'s. An unknown name costs as much time as a known one, so
    /// that the answer's delay does not tell which names exist.
    public func verify(_ name: String, password: String) -> Bool {
        guard let hash = hashes.first(where: { $0.name == name })?.hash else {
            _ = Bcrypt.verify(password, hash: Self.decoy)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A hash no password matches, checked for unknown names.
    static let decoy = Bcrypt.hash(UUID().uuidString, cost: defaultCost)

    /// Writes the file in one rename, readable by its owner only.
    public func write(to path: String) throws {
        var text = "# gongshi preview: reviewers' accounts (gongshi preview-user add NAME --users FILE)\n"
        for (name, hash) in hashes { text += "\(name):\(hash)\n" }
        let url = URL(fileURLWithPath: path)
        let staged = StateFile.temporary(for: url)
        guard FileManager.default.createFile(atPath: staged.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw PreviewError(Message("users_unwritable", ["path": path]))
        }
        try StateFile.put(staged, at: url)
    }
}
