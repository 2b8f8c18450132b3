import Crypto
import Foundation

/// The SHA-256 of a file's bytes, held as its 32 bytes in four words: a site's manifest holds
/// one per file, and as a 64-character hex string each took five times the room.
public struct FileDigest: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The SHA-256 of `bytes`.
    public init(of bytes: some DataProtocol) {
        self.init(SHA256.hash(data: bytes))
    }

    /// A digest Crypto computed.
    public init(_ digest: SHA256.Digest) {
        words = (0, 0, 0, 0)
        digest.withUnsafeBytes { source in
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: source) }
        }
    }

    /// The digest whose 32 bytes these are; nil for any other count.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        words = (0, 0, 0, 0)
        bytes.withUnsafeBytes { source in
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: source) }
        }
    }

    /// The digest written as 64 hex digits (either case); nil for anything else.
    public init?(hex: some StringProtocol) {
        self.init(hexDigits: hex.utf8)
    }

    /// The digest whose 64 hex digits (either case) are these UTF-8 bytes; nil for anything
    /// else. Inlinable, so that the manifest's parser gets it specialised for its byte slices:
    /// called through the generic entry point from another module, it took a second for a
    /// site of 76,000 files.
    @inlinable
    public init?(hexDigits: some Collection<UInt8>) {
        guard hexDigits.count == 64 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        for (index, character) in hexDigits.enumerated() {
            let digit: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            bytes[index >> 1] |= index & 1 == 0 ? digit << 4 : digit
        }
        self.init(bytes: bytes)
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: words) { Array($0) }
    }

    /// Lower-case hex, 64 digits.
    public var hex: String {
        StableDigest.hex(bytes)
    }

    /// Appends ``hex``'s bytes to `out` without making the string.
    public func appendHex(to out: inout [UInt8]) {
        withUnsafeBytes(of: words) { StableDigest.appendHex($0, to: &out) }
    }

    public static func == (left: FileDigest, right: FileDigest) -> Bool {
        left.words == right.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

extension FileDigest: CustomStringConvertible {
    /// ``hex``.
    public var description: String { hex }
}
