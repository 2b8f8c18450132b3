/// Cuts an address down to the county level (省 / 市 / 区、县、旗、县级市).
public enum CountyAddress {
    private static let countySuffixes: Set<Character> = ["区", "县", "旗"]
    private static let belowCounty = ["街道", "镇", "乡", "路", "街", "道", "巷", "村", "号", "弄", "苑", "小区", "大厦", "社区"]

    /// The address up to and including its county-level unit, or nil when no such unit can
    /// be recognised (then nothing of the address is shown).
    ///
    /// One pass over the characters: where each word below the county level ends is marked
    /// first, so that "does the address up to here contain one" and "does it end with one"
    /// are lookups (the address is cut at the first 区 / 县 / 旗 with none before it, else
    /// after the last 市 before the first such word).
    public static func truncate(_ address: String) -> String? {
        let characters = Array(address.filter { !$0.isWhitespace })
        var wordEnds = [Bool](repeating: false, count: characters.count)
        for word in belowCountyWords where word.count <= characters.count {
            for end in (word.count - 1)..<characters.count where !wordEnds[end] {
                if characters[(end - word.count + 1)...end].elementsEqual(word) { wordEnds[end] = true }
            }
        }
        let firstWordEnd = wordEnds.firstIndex(of: true) ?? characters.count
        // The first 区 / 县 / 旗 ends the county-level unit (鼓楼区, 闽侯县, 土默特左旗).
        var cut: Int?
        for (index, character) in characters.enumerated() where countySuffixes.contains(character) {
            if index >= 2 && characters[(index - 2)...index].elementsEqual(autonomousRegion) { continue }  // 自治区: a province
            if firstWordEnd <= index { break }
            cut = index
            break
        }
        if cut == nil {
            // A county-level city (义乌市): the last 市 before anything below the county.
            for (index, character) in characters.enumerated() {
                if wordEnds[index] { break }
                if character == "市" { cut = index }
            }
        }
        guard let cut, cut >= 1 else { return nil }
        return String(characters[0...cut])
    }

    private static let belowCountyWords: [[Character]] = belowCounty.map(Array.init)
    private static let autonomousRegion: [Character] = Array("自治区")

    /// The parts of `address` below the county level that identify a home: the whole
    /// remainder, and the remainder up to its first 号 (a building), if those are at least
    /// four characters. Empty when the address has no county-level part to cut at.
    public static func belowCountyFragments(_ address: String) -> [String] {
        let compact = String(address.filter { !$0.isWhitespace })
        let county = truncate(compact) ?? ""
        let remainder = String(compact.dropFirst(county.count))
        var fragments: [String] = []
        if remainder.count >= 4 { fragments.append(remainder) }
        if let number = remainder.firstIndex(of: "号") {
            let building = String(remainder[...number])
            if building.count >= 4, building != remainder { fragments.append(building) }
        }
        return fragments
    }
}
