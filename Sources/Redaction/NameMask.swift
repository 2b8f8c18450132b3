/// Masks natural persons' names: the surname stays, the rest becomes 某
/// (王小明 → 王某, 欧阳娜娜 → 欧阳某).
public enum NameMask {
    /// Common compound surnames (复姓), kept whole.
    public static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "皇甫", "东方", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
        "轩辕", "令狐", "钟离", "闻人", "澹台", "公冶", "太叔", "申屠", "濮阳", "端木", "呼延", "万俟", "单于",
        "南宫", "西门", "百里", "东郭", "第五", "赫连", "拓跋", "独孤", "司空", "闾丘", "子车", "亓官", "鲜于",
        "左丘", "淳于", "仲孙", "漆雕", "乐正", "壤驷", "公良", "谷梁", "宰父", "梁丘", "巫马", "公西", "羊舌",
    ]

    /// The masked form of `name`. Names of one character become 某; names with a middle dot
    /// (少数民族 transliterations) keep their first character.
    public static func mask(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let characters = Array(trimmed)
        guard characters.count > 1 else { return "某" }
        if characters.count >= 3, compoundSurnames.contains(String(characters[0..<2])) {
            return String(characters[0..<2]) + "某"
        }
        return String(characters[0]) + "某"
    }
}
