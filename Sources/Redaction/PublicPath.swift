import Crypto
import Foundation
import StableDigest

/// Path segments for published pages (site.md, "Output layout").
public enum PublicPath {
    /// The longest row id used as it is: a file name has room for 255 bytes, and an address
    /// should stay short enough to read aloud or type.
    public static let maximumLiteralLength = 64

    /// The row id itself when it matches `^[A-Za-z0-9][A-Za-z0-9_-]*$`, has at most
    /// ``maximumLiteralLength`` characters and holds nothing a detector would redact;
    /// otherwise `x-` and the first 16 hex digits of its SHA-256.
    public static func segment(forRowID id: String) -> String {
        // `page` names the folder of an index's later pages (`records/page/2/`): a row with
        // that id gets a hashed segment, so that no row page shares it.
        if id.utf8.count <= maximumLiteralLength, isSafe(id), id != "page", FreeTextDetector.detect(in: Array(id.unicodeScalars)).isEmpty {
            return id
        }
        return "x-" + hex(SHA256.hash(data: Data(id.utf8))).prefix(16)
    }

    /// Whether `id` matches `^[A-Za-z0-9][A-Za-z0-9_-]*$`.
    public static func isSafe(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return id.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "_" || $0 == "-" }
    }

    /// `p-` and 16 hex digits of HMAC-SHA256(key, subject id): a subject slug that reveals
    /// neither the name nor the ID number nor the platform's id.
    public static func keyedSlug(forSubjectID id: String, key: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: SymmetricKey(data: key))
        return "p-" + hex(mac).prefix(16)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        StableDigest.hex(Array(bytes))
    }
}
