/// Where each term's postings live, identically to the browser client.
///
/// - Han terms and filter terms go to `search/h/N.json`, N = FNV-1a 32 of the term's UTF-8 bytes
///   modulo the shard count;
/// - ASCII words go to `search/w/KEY.json`, KEY = the hex of their first four characters (all
///   of a shorter word), so that a prefix query of four or more characters reads one file.
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

    /// The file of a Han or filter term.
    public static func hanShard(_ term: String, shardCount: Int) -> String {
        "h/\(Int(fnv1a(term) % UInt32(shardCount))).json"
    }

    /// Characters of a word that name its shard; prefix queries need at least this many.
    public static let wordKeyLength = 4

    /// The file of an ASCII word (and of every word that starts with its first four characters).
    public static func wordShard(_ word: String) -> String {
        "w/" + word.utf8.prefix(wordKeyLength).map { String($0, radix: 16) }.joined() + ".json"
    }

    /// The file for a query term.
    public static func file(for term: SearchTokenizer.QueryTerm, shardCount: Int) -> String {
        switch term {
        case .han(let text): return hanShard(text, shardCount: shardCount)
        case .word(let text, _): return wordShard(text)
        }
    }
}
