import CreditVocabulary
import DemoSnapshot
import Foundation
import Redaction
@testable import SearchIndex
import SnapshotModel
import Testing

@Suite("Search: tokenizer")
struct SearchTokenizerTests {
    @Test("Han runs give characters and pairs; words stay whole; case and width fold")
    func terms() {
        #expect(SearchTokenizer.terms("非法集资") == ["非", "法", "集", "资", "非法", "法集", "集资"])
        #expect(Set(SearchTokenizer.terms("ＵＳＣＣ 91350100M000100Y43，罚款3000元").filter { !$0.hasPrefix("^") }) ==
                ["uscc", "91350100m000100y43", "罚", "款", "罚款", "3000", "元"])
        #expect(SearchTokenizer.terms("<script>") == ["script"])
    }

    @Test("Han terms packed in integers read back as their text, supplementary planes included")
    func hanTermKeys() {
        let text = "𠀀罚款𪚥 非法集资"
        let (han, words) = SearchTokenizer.indexTerms(text)
        #expect(words.isEmpty)
        #expect(Set(han.map(HanTerm.string)) == SearchTokenizer.terms(text))
        #expect(SearchTokenizer.terms(text).isSuperset(of: ["𠀀罚", "款𪚥", "𪚥", "𠀀"]))
        #expect(HanTerm.string(HanTerm.key("集", "资")) == "集资")
        #expect(HanTerm.key("集") != HanTerm.key("集", "资"))
    }

    @Test("posting lists give back the ascending indices added, large gaps included, repeats once")
    func postingLists() {
        var random = SystemRandomNumberGenerator()
        for round in 0..<60 {
            var list = PostingList()
            var expected: [Int32] = []
            var index: Int32 = Int32.random(in: 0...3, using: &random)
            // Short lists (held in the list itself) every round of the first ten.
            for _ in 0..<(round < 10 ? round % 5 : Int.random(in: 0...300, using: &random)) {
                list.append(index)
                if Bool.random(using: &random) { list.append(index) }  // a repeat is kept once
                expected.append(index)
                let gap: Int32 = [1, 2, 127, 128, 129, 16_384, 2_100_000].randomElement(using: &random)!
                if index > Int32.max - gap { break }
                index += gap
            }
            #expect(list.indices == expected)
            #expect(list.count == expected.count)
        }
    }

    @Test("the Han posting table holds what a dictionary of lists holds, through its growth", arguments: [1, 2, 3])
    func hanPostingTable(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        var table = HanPostingTable()
        var expected: [UInt64: [Int32]] = [:]
        // Keys as HanTerm makes them (a character, or two), a few thousand distinct ones, and
        // some that differ only in the low or the high word.
        let keys = (0..<Int.random(in: 2_000...6_000, using: &random)).map { _ -> UInt64 in
            let first = UInt64.random(in: 0x4E00...0x4FFF, using: &random)
            return Bool.random(using: &random) ? first << 32 : first << 32 | UInt64.random(in: 0x4E00...0x4E40, using: &random)
        }
        for document in Int32(0)..<2_000 {
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let key = keys.randomElement(using: &random)!
                table.append(document, to: key)
                if expected[key]?.last != document { expected[key, default: []].append(document) }
            }
        }
        #expect(table.count == expected.count)
        #expect(Set(table.keys) == Set(expected.keys))
        for (key, list) in zip(table.keys, table.lists) {
            #expect(list.indices == expected[key])
            #expect(table[key]?.indices == expected[key])
        }
        #expect(table[0x1_0000_0000] == nil)
        #expect(HanPostingTable()[HanTerm.key("信")] == nil)
    }

    @Test("the snippet is the text's first 90 characters, white space folded, read only that far; a number it would cut is left out")
    func snippet() {
        func folded(_ text: String) -> String {  // the definition the lazy reader must match
            let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard folded.count > 90 else { return folded }
            var head = String(folded.prefix(90))
            if SearchIndexWriter.isWordCharacter(folded[folded.index(folded.startIndex, offsetBy: 90)]) {
                while let last = head.last, SearchIndexWriter.isWordCharacter(last) { head.removeLast() }
                if head.last == " " { head.removeLast() }
            }
            return head + "…"
        }
        // The national build's case: a company name ending in digits, then its USCC, cut by the 90th character.
        let name = String(repeating: "罚", count: 70) + "田记建筑工程店328060"
        #expect(SearchIndexWriter.snippet(name + " 92330106MA2B3C4D5E 涉嫌") == name + "…")
        #expect(SearchIndexWriter.snippet(String(repeating: "罚", count: 88) + "12 款") == String(repeating: "罚", count: 88) + "12…")
        #expect(SearchIndexWriter.snippet(String(repeating: "罚", count: 89) + "１２３") == String(repeating: "罚", count: 89) + "…")
        let samples = [
            "", "   ", " 罚款 ", "a\n\n b\t c  ", String(repeating: "罚", count: 90), String(repeating: "罚", count: 91),
            String(repeating: "罚", count: 90) + " ", String(repeating: "罚", count: 90) + " 款", String(repeating: "罚", count: 89) + " 款",
            String(repeating: "罚", count: 89) + "  款款", "\u{3000}全角空格\u{3000}分隔", "e\u{301} x " + String(repeating: "ab ", count: 40),
            String(repeating: "罚", count: 85) + " 9133010 2MA", String(repeating: "罚", count: 85) + " ab12cd34", String(repeating: "7", count: 120),
            String(repeating: "罚", count: 90) + "ＡＢ", String(repeating: "罚", count: 89) + "Ａ Ｂ",
        ]
        for sample in samples {
            #expect(SearchIndexWriter.snippet(sample) == folded(sample), "\(sample)")
        }
    }

    @Test("queries need every pair of a Han run, single characters exactly, words as prefixes")
    func queryTerms() {
        #expect(SearchTokenizer.queryTerms("非法集资") == [.han("非法"), .han("集资")])
        #expect(SearchTokenizer.queryTerms("拖欠农民工工资") == [.han("拖欠"), .han("农民"), .han("工工"), .han("工资")])
        #expect(SearchTokenizer.queryTerms("集资") == [.han("集资")])
        #expect(SearchTokenizer.queryTerms("假 酒") == [.han("假"), .han("酒")])
        #expect(SearchTokenizer.queryTerms("9135 x 913") == [.word("9135", prefix: true), .word("x", prefix: false), .word("913", prefix: false)])
        #expect(SearchTokenizer.queryTerms("  ，。 ") == [])
        // Words with only punctuation between them are asked for together too; an unfinished
        // last word (a prefix) is not.
        #expect(SearchTokenizer.queryTerms("〔2026〕2号") == [.han("号"), .word("2026", prefix: true), .word("2", prefix: false), .han("2026~2")])
        #expect(SearchTokenizer.queryTerms("0000-1234") == [.word("0000", prefix: true), .word("1234", prefix: true)])
        #expect(SearchTokenizer.queryTerms("2026 2") == [.word("2026", prefix: true), .word("2", prefix: false)])
    }

    @Test("document and phone numbers are found where their parts stand together, not beside another number")
    func joinedWords() throws {
        func document(_ index: Int, _ text: String) -> SearchDocument {
            SearchDocument(kind: .record, path: "records/N\(index)/", title: "记录\(index)", date: CivilDate(iso: "2026-01-01")!,
                           regions: [], texts: [SiteText(operatorAuthored: text)])
        }
        let engine = SearchIndexTests.engine([
            document(0, "长沙住建罚〔2026〕2号"), document(1, "长沙住建罚〔2026〕23号，罚款2万元"), document(2, "长沙住建罚〔2025〕2号 2026"),
            document(3, "电话 0731-88886666"),
        ])
        #expect(try engine.search("长沙住建罚〔2026〕2号").hits.map(\.path) == ["records/N0/"])
        #expect(Set(try engine.search("长沙住建罚〔2026〕").hits.map(\.path)) == ["records/N0/", "records/N1/", "records/N2/"])
        #expect(try engine.search("0731-88886666").hits.map(\.path) == ["records/N3/"])
        #expect(try engine.search("0731-8888").hits.map(\.path) == ["records/N3/"], "a number being typed")
        #expect(SearchTokenizer.terms("〔2026〕2号").contains("2026~2"))
        #expect(!SearchTokenizer.terms("2026 2").contains("2026~2"), "a space does not join")
        #expect(!SearchTokenizer.terms("2026年2月").contains("2026~2"), "a Han character does not join")
    }

    @Test("a long word is indexed with its prefixes from four characters to ten")
    func prefixes() throws {
        #expect(SearchTokenizer.prefixes(of: "913501001234567890") == ["^9135", "^91350", "^913501", "^9135010", "^91350100", "^913501001", "^9135010012"])
        #expect(SearchTokenizer.prefixes(of: "12345") == ["^1234"])
        #expect(SearchTokenizer.prefixes(of: "abcd").isEmpty && SearchTokenizer.prefixes(of: "2026~2026").isEmpty)
        #expect(SearchTokenizer.prefixes(of: "#k:record").isEmpty)
        // A query of up to ten characters is a prefix; a longer one is the whole word.
        let engine = SearchIndexTests.engine((0..<3).map { index in
            SearchDocument(kind: .record, path: "records/P\(index)/", title: "记录", date: CivilDate(iso: "2026-01-01")!, regions: [],
                           texts: [SiteText(operatorAuthored: "913501001234567\(index)\(index)0")])
        })
        #expect(try engine.search("9135010012", everything: true).ids.count == 3)
        #expect(try engine.search("913501001234567110").hits.map(\.path) == ["records/P1/"])
    }

    @Test("shards: FNV-1a as the client computes it")
    func shards() {
        #expect(SearchShards.fnv1a("") == 0x811C_9DC5)
        #expect(SearchShards.fnv1a("a") == 0xE40C_292C)
        #expect(SearchShards.hanShard("集资", shardCount: 1) == "h/0.json")
        #expect(SearchShards.hanShard("a", shardCount: 64) == "h/\(0xE40C_292C % 64).json")
        #expect(SearchShards.file(for: .word("91350100", prefix: true), shardCount: 8) == SearchShards.hanShard("91350100", shardCount: 8))
    }
}

@Suite("Search: index and engine")
struct SearchIndexTests {
    static let phrases = ["非法集资", "口腔医疗", "假冒白酒", "传销组织", "虚假宣传", "拒不履行", "破产重整", "价格欺诈",
                          "食品安全", "环境污染", "医疗卫生", "商业贿赂"]

    /// Documents with random Chinese text built from the phrases, spread over years and kinds.
    static func documents(count: Int, seed: UInt64) -> [SearchDocument] {
        var random = SeededGenerator(state: seed)
        let filler = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严")
        let regions = ["湖北", "重庆", "浙江", "福建"]
        return (0..<count).map { index in
            var text = ""
            for _ in 0..<Int.random(in: 20...80, using: &random) {
                if Int.random(in: 0..<10, using: &random) == 0 {
                    text += phrases.randomElement(using: &random)!
                } else {
                    text.append(filler.randomElement(using: &random)!)
                }
            }
            let kind = SearchDocument.Kind.allCases[index % 5]
            return SearchDocument(
                kind: kind, path: "records/D\(index)/", title: "标题\(index)" + (index % 7 == 0 ? "非法集资" : ""),
                date: CivilDate(iso: "2024-01-01")!.adding(days: Int.random(in: 0...900, using: &random)),
                regions: [regions[index % 4]], list: kind == .list ? .black : nil,
                texts: [SiteText(operatorAuthored: text), SiteText(operatorAuthored: "统一社会信用代码9135\(String(format: "%014d", index))")])
        }
    }

    static func engine(_ documents: [SearchDocument], inlinePostings: Int = 3_000, blockPostings: Int = 1_500) -> SearchEngine {
        var writer = SearchIndexWriter(targetShardBytes: 4000, inlinePostings: inlinePostings, blockPostings: blockPostings)
        writer.add(contentsOf: documents)
        let files = Dictionary(uniqueKeysWithValues: writer.files().map { ($0.path, Data($0.content.utf8)) })
        return SearchEngine { path in
            guard let data = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return data
        }
    }

    @Test("result lines spilled to a temporary file give the same index files as lines kept in memory")
    func spilledLines() throws {
        let documents = Self.documents(count: 6_000, seed: 21)
        var inMemory = SearchIndexWriter(targetShardBytes: 4000)
        inMemory.add(contentsOf: documents)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ResultLineStore(spillingTo: folder)
        #expect(store.problem == nil)
        var spilled = SearchIndexWriter(targetShardBytes: 4000, lines: store)
        spilled.add(contentsOf: documents)
        // Over a megabyte of lines: some read from the file, the rest from the buffer until flushed.
        #expect(store.line(17) == SearchIndexWriter.PreparedDocument(documents[17]).line)
        let files = spilled.files()
        #expect(files.map(\.path) == inMemory.files().map(\.path))
        #expect(files.map(\.content) == inMemory.files().map(\.content))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)  // unnamed file
        for index in stride(from: 0, to: documents.count, by: 97) {
            #expect(store.line(index) == SearchIndexWriter.PreparedDocument(documents[index]).line)
        }
    }

    @Test("every Han substring of two or more characters finds every document that contains it")
    func recall() throws {
        let documents = Self.documents(count: 400, seed: 11)
        let engine = Self.engine(documents)
        var random = SeededGenerator(state: 5)
        var queries = Self.phrases + ["集资", "医疗", "白酒"]
        for _ in 0..<60 {
            let text = Array(documents.randomElement(using: &random)!.text.filter { SearchTokenizer.isHan($0.unicodeScalars.first!) })
            let length = Int.random(in: 2...4, using: &random)
            guard text.count > length else { continue }
            let start = Int.random(in: 0..<(text.count - length), using: &random)
            queries.append(String(text[start..<(start + length)]))
        }
        for query in queries {
            let found = Set(try engine.search(query, everything: true).ids)
            let expected = documents.filter { ($0.title + "\n" + $0.text).contains(query) }.count
            // Every true match is found (100% recall); pair intersection may add a few more.
            #expect(found.count >= expected, "\(query)")
            let paths = Set(try engine.search(query, pageSize: 1000).hits.map(\.path))
            for document in documents where (document.title + "\n" + document.text).contains(query) {
                #expect(paths.contains(document.path), "\(query) misses \(document.path)")
            }
        }
    }

    @Test("title hits first, then the newest; filters narrow; prefixes and exact USCCs")
    func ranking() throws {
        let documents = Self.documents(count: 200, seed: 3)
        let engine = Self.engine(documents)
        let result = try engine.search("非法集资", pageSize: 200)
        let titled = result.hits.prefix { $0.title.contains("非法集资") }
        #expect(titled.count == documents.filter { $0.title.contains("非法集资") }.count)
        let rest = result.hits.dropFirst(titled.count)
        #expect(zip(rest, rest.dropFirst()).allSatisfy { $0.date >= $1.date })
        let hubei = try engine.search("非法集资", filters: .init(region: "湖北"), pageSize: 200)
        #expect(!hubei.hits.isEmpty && hubei.hits.allSatisfy { $0.region == "湖北" })
        let lists = try engine.search("", filters: .init(kind: "list", list: "black"), pageSize: 200)
        #expect(lists.hits.count == 40 && lists.hits.allSatisfy { $0.kind == "list" })
        let exact = try engine.search("913500000000000123")
        #expect(exact.hits.map(\.path) == ["records/D123/"])
        #expect(try engine.search("9135000000", everything: true).ids.count == 200, "a prefix of ten characters")
        #expect(try engine.search("9135000000000001").ids.isEmpty, "more than ten characters: the whole word only")
    }

    @Test("lists split into blocks answer as lists read whole: every page, tier and filter, and the counts",
          arguments: [(6, 3), (40, 16), (200, 64)])
    func blocksAnswerAsWholeLists(inline: Int, block: Int) throws {
        let documents = Self.documents(count: 600, seed: 21)
        let whole = Self.engine(documents)
        let blocked = Self.engine(documents, inlinePostings: inline, blockPostings: block)
        var queries: [(String, SearchEngine.Filters)] = Self.phrases.map { ($0, .init()) }
        queries += ["的", "是", "有", "标题", "9135", "91350000000000001", "集资 的"].map { ($0, .init()) }
        queries += [("的", .init(kind: "record")), ("", .init(kind: "list", list: "black")), ("", .init(region: "湖北", year: "2025")),
                    ("非法集资", .init(region: "浙江"))]
        for (query, filters) in queries {
            let all = try whole.search(query, filters: filters, everything: true)
            #expect(try blocked.search(query, filters: filters, everything: true).ids == all.ids, "\(query) \(filters)")
            for page in 0..<3 {
                let one = try blocked.search(query, filters: filters, page: page)
                #expect(one.hits == (try whole.search(query, filters: filters, page: page)).hits, "\(query) page \(page)")
                #expect(Array(one.ids.prefix((page + 1) * 10)) == Array(all.ids.prefix((page + 1) * 10)))
                if let total = one.total { #expect(total == all.ids.count, "\(query) \(filters) \(one.complete)") }
                else { #expect(one.ids.count > (page + 1) * 10, "unknown counts only when there is more to show") }
            }
        }
    }

    @Test("the first page of a frequent term reads its newest block, not its whole list")
    func blocksAreReadNewestFirst() throws {
        var writer = SearchIndexWriter(targetShardBytes: 4000, inlinePostings: 40, blockPostings: 16)
        writer.add(contentsOf: Self.documents(count: 1500, seed: 9))
        let files = Dictionary(uniqueKeysWithValues: writer.files().map { ($0.path, Data($0.content.utf8)) })
        #expect(files.keys.contains { $0.hasPrefix("x/") })
        func engine() -> SearchEngine {
            SearchEngine { path in
                guard let data = files[path] else { throw CocoaError(.fileNoSuchFile) }
                return data
            }
        }
        let first = engine()
        let result = try first.search("标题")
        #expect(result.total == 1500, "one list: its count is known")
        #expect(!first.filesFetched.contains { $0.hasPrefix("x/") }, "\(first.filesFetched)")
        let everything = engine()
        _ = try everything.search("标题", everything: true)
        #expect(everything.filesFetched.filter { $0.hasPrefix("x/") }.count > 10)
        #expect(first.bytesFetched * 3 < everything.bytesFetched)
    }

    @Test("a query fetches the manifest, its shards and the chunks shown, not the whole index")
    func fetchesLittle() throws {
        var writer = SearchIndexWriter(targetShardBytes: 4000)
        writer.add(contentsOf: Self.documents(count: 2000, seed: 9))
        let files = writer.files()
        let total = files.reduce(0) { $0 + $1.content.utf8.count }
        let lookup = Dictionary(uniqueKeysWithValues: files.map { ($0.path, Data($0.content.utf8)) })
        let engine = SearchEngine { path in
            guard let data = lookup[path] else { throw CocoaError(.fileNoSuchFile) }
            return data
        }
        _ = try engine.search("口腔医疗")
        #expect(engine.filesFetched.count <= 1 + 2 + 10, "the manifest, two shards, at most ten chunks")
        #expect(engine.bytesFetched * 5 < total)
    }
}
