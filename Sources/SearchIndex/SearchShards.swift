/// Where each term's postings live, identically to the browser client: every term (Han
/// characters and pairs, ASCII words, their prefixes `^9135…`, joined words `2026~2`, filter
/// terms `#k:record`) goes to `search/h/N.json`, N = FNV-1a 32 of the term's UTF-8 bytes
/// modulo the shard count.
public enum SearchShards {
    /// FNV-1a, 32 bits, over UTF-8.
    public static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// The file of a term.
    public static func hanShard(_ term: String, shardCount: Int) -> String {
        "h/\(Int(fnv1a(term) % UInt32(shardCount))).json"
    }

    /// Characters from which a query's word is also a prefix: a word of more characters is
    /// indexed with its prefixes from this length on (`^9135`, `^91350`…), up to
    /// ``longestPrefix``.
    public static let wordKeyLength = 4
    /// The longest prefix indexed. A query word of more characters is matched whole: a
    /// USCC's ten first characters name a county's registrations, and every longer prefix
    /// of every USCC made a million records' index hold three million more terms.
    public static let longestPrefix = 10

    /// The file for a query term (a prefix word's exact form; its prefix term is `^WORD`).
    public static func file(for term: SearchTokenizer.QueryTerm, shardCount: Int) -> String {
        hanShard(term.text, shardCount: shardCount)
    }
}
