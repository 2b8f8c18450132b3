import Crypto

/// A SHA-256 digest of an `Encodable` value that is the same in every process and on every
/// run (unlike `Hasher`), so that it can name "the same inputs" across builds.
///
/// Every field is written with its key, a type tag and a length, so that different values
/// cannot write the same bytes: `nil` differs from `""`, `["ab"]` from `["a", "b"]`, and a
/// field moved to another key changes the digest.
public enum StableDigest {
    /// The digest of `value`, 32 bytes.
    public static func of<Value: Encodable>(_ value: Value, salt: [UInt8] = []) -> [UInt8] {
        Array(SHA256.hash(data: bytes(of: value, salt: salt)))
    }

    /// The bytes the digest is taken of (for tests and for callers that add to them).
    public static func bytes<Value: Encodable>(of value: Value, salt: [UInt8] = []) -> [UInt8] {
        let sink = DigestSink()
        sink.bytes = salt
        sink.bytes.reserveCapacity(salt.count + 1024)
        do {
            try value.encode(to: DigestEncoder(sink: sink))
        } catch {
            // The encoder never throws; a value's own `encode(to:)` may. Its message keeps two
            // failing values apart and the caller still gets a digest that matches no other.
            sink.write(tag: .failure)
            sink.write(string: String(describing: error))
        }
        return sink.bytes
    }

    /// The SHA-256 of raw bytes.
    public static func of(bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// Lower-case hex of a digest.
    public static func hex(_ digest: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        appendHex(digest, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the lower-case hex digits of `bytes` to `out`.
    public static func appendHex(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
