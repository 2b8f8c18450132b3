/// What keeps Debian's libcmark-gfm (0.29.0.gfm.6, before the fixes of gfm.7-gfm.12) linear
/// on hostile Markdown. Each of its quadratic constructs is harmless a few times in a field
/// and only costly when repeated, so a field that repeats one past a small bound has that
/// construct made literal (its markup characters escaped) before parsing; every other field
/// is parsed as written. Linear, pure.
///
/// | construct | cost in gfm.6 | bound | then |
/// |---|---|---|---|
/// | `www.` / `://` (autolinks, `www._` repeated) | quadratic | 64 | the autolink extension is off for the field |
/// | `<?`, `<!` (processing instructions, CDATA, declarations) | quadratic | 64 | every `<` is escaped |
/// | `[` (link and image openers, `![[]()` repeated) | quadratic | 512 | every `[` and `]` is escaped |
/// | table cells (a wide header filled out on every later line) | columns × lines | 20,000 | every `|` is escaped |
enum MarkdownSafety {
    /// What to do with one field.
    struct Plan: Equatable {
        var autolinks = true
        var escapeAngleBrackets = false
        var escapeSquareBrackets = false
        var escapePipes = false

        var changesText: Bool { escapeAngleBrackets || escapeSquareBrackets || escapePipes }
    }

    static let maximumLinkStarts = 64
    static let maximumDeclarations = 64
    static let maximumBrackets = 512
    static let maximumTableCells = 20_000

    /// The plan for `markdown`, from one pass over its bytes.
    static func plan(for markdown: String) -> Plan {
        var linkStarts = 0, declarations = 0, brackets = 0, lines = 1
        var widestDelimiterRow = 0
        var pipesInLine = 0, lineIsDelimiterRow = true, lineHasDash = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0, third: UInt8 = 0
        func endLine() {
            if lineIsDelimiterRow && lineHasDash && pipesInLine > 0 {
                widestDelimiterRow = max(widestDelimiterRow, pipesInLine + 1)
            }
            pipesInLine = 0
            lineIsDelimiterRow = true
            lineHasDash = false
        }
        for byte in markdown.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                lines += 1
                endLine()
            case UInt8(ascii: "|"):
                pipesInLine += 1
            case UInt8(ascii: "-"):
                lineHasDash = true
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                lineIsDelimiterRow = false
            }
            switch byte {
            case UInt8(ascii: "["): brackets += 1
            case UInt8(ascii: "?"), UInt8(ascii: "!"):
                if previous == UInt8(ascii: "<") { declarations += 1 }
            case UInt8(ascii: "."):
                if previous == UInt8(ascii: "w") && beforePrevious == UInt8(ascii: "w") && third == UInt8(ascii: "w") {
                    linkStarts += 1
                }
            case UInt8(ascii: "/"):
                if previous == UInt8(ascii: "/") && beforePrevious == UInt8(ascii: ":") { linkStarts += 1 }
            default: break
            }
            third = beforePrevious
            beforePrevious = previous
            previous = byte
        }
        endLine()
        return Plan(
            autolinks: linkStarts <= maximumLinkStarts,
            escapeAngleBrackets: declarations > maximumDeclarations,
            escapeSquareBrackets: brackets > maximumBrackets,
            escapePipes: widestDelimiterRow * lines > maximumTableCells)
    }

    /// `markdown` with the characters `plan` makes literal escaped.
    static func apply(_ plan: Plan, to markdown: String) -> String {
        guard plan.changesText else { return markdown }
        var result = String.UnicodeScalarView()
        var escaped = false  // the scalar before was a backslash that escapes this one
        for scalar in markdown.unicodeScalars {
            let escape = switch scalar {
            case "<": plan.escapeAngleBrackets
            case "[", "]": plan.escapeSquareBrackets
            case "|": plan.escapePipes
            default: false
            }
            if escape && !escaped { result.append("\\") }
            result.append(scalar)
            escaped = scalar == "\\" && !escaped
        }
        return String(result)
    }
}
