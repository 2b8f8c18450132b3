/// A 128-bit fingerprint of some content that is the same in every process (unlike
/// `Hasher`), several times cheaper than a SHA-256 for the many small pieces a search index
/// is made of: it tells whether a file's inputs are those of the last build.
///
/// Two 64-bit lanes each take every word through an invertible step (xor, then the
/// SplitMix64 finaliser, with its own constants per lane): two inputs of the same length
/// that differ in one word can never meet, and other differences meet by chance once in
/// about 2^128. Not meant to withstand someone crafting collisions; the content it names is
/// the operator's own snapshot.
public struct ContentFingerprint: Hashable, Sendable {
    /// The two lanes.
    public var high: UInt64
    public var low: UInt64

    /// A fingerprint from its two lanes.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The fingerprint of several whose order does not matter (lane-wise wrapping sum).
    public static func &+ (left: ContentFingerprint, right: ContentFingerprint) -> ContentFingerprint {
        ContentFingerprint(high: left.high &+ right.high, low: left.low &+ right.low)
    }

    /// The fingerprint of nothing, and the start of a sum.
    public static let zero = ContentFingerprint(high: 0, low: 0)

    /// The fingerprint of one word, cheaper than a ``ContentFingerprinter``'s: for sums over
    /// many words (a posting list's numbers).
    @inlinable public static func word(_ value: UInt64) -> ContentFingerprint {
        ContentFingerprint(
            high: ContentFingerprinter.mixHigh(value ^ 0x6A09_E667_F3BC_C908),
            low: ContentFingerprinter.mixLow(value &+ 0xBB67_AE85_84CA_A73B))
    }
}

/// Builds a ``ContentFingerprint`` from words, byte strings and texts, each written with its
/// length, so that `["ab"]` and `["a", "b"]` differ.
public struct ContentFingerprinter: Sendable {
    @usableFromInline var high: UInt64 = 0x243F_6A88_85A3_08D3
    @usableFromInline var low: UInt64 = 0x1319_8A2E_0370_7344
    @usableFromInline var words: UInt64 = 0

    /// A fingerprinter with nothing written.
    public init() {}

    /// Writes a word.
    @inlinable public mutating func write(_ word: UInt64) {
        high = Self.mixHigh(high ^ word)
        low = Self.mixLow(low ^ (word &+ 0x9E37_79B9_7F4A_7C15))
        words &+= 1
    }

    /// Writes a count, then the bytes in 8-byte words (the last one padded with zeros).
    @inlinable public mutating func write(bytes: UnsafeRawBufferPointer) {
        write(UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            write(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        if offset < bytes.count {
            var last: UInt64 = 0
            for (shift, byte) in bytes[offset...].enumerated() { last |= UInt64(byte) << UInt64(8 * shift) }
            write(last)
        }
    }

    /// Writes a byte array.
    @inlinable public mutating func write(bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(bytes: $0) }
    }

    /// Writes a text's UTF-8 bytes.
    @inlinable public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The fingerprint of what was written.
    @inlinable public var fingerprint: ContentFingerprint {
        var copy = self
        copy.write(words)
        return ContentFingerprint(high: copy.high, low: copy.low)
    }

    /// The SplitMix64 finaliser (invertible).
    @inlinable static func mixHigh(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Another invertible finaliser (Murmur3's fmix64 constants), for the second lane.
    @inlinable static func mixLow(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }
}
