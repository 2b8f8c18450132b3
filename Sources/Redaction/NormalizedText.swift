/// A field as a reader sees it, for detection, with the source span of every character, so
/// that what a detector finds here is replaced whole in the source (markup inside included).
///
/// Built in one pass over the source:
/// - character references (`&#51;`, `&nbsp;`) and percent-encoded bytes (`%31`) decoded;
/// - each character folded (``CharacterFolding``): NFKC, white space as one space, invisible
///   characters dropped;
/// - for Markdown, the text a reader sees: escapes (`\-`) resolved, emphasis, strike-through and
///   code markers and link brackets dropped (so `3501**02**…` and `[王](url)小明` read whole),
///   raw HTML tags and comments dropped (`3501<b></b>02…`), autolinks' angle brackets dropped.
///
/// What a reader does not see among the text but may still meet (a link's target and title,
/// the inside of a raw HTML tag) is kept apart as a ``Segment`` and viewed on its own.
struct NormalizedText {
    /// The normalised characters.
    private(set) var scalars: [Unicode.Scalar] = []
    /// Where each character's source begins and ends (scalar offsets in the source).
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    /// Parts of the source viewed on their own.
    private(set) var segments: [Segment] = []

    /// A part of the source outside the reading text.
    struct Segment {
        /// What it is.
        enum Kind {
            /// A link or image target, with its title: a hit in it removes the whole target.
            case destination
            /// The inside of a raw HTML tag, comment or declaration (safe mode drops it; it is
            /// scanned anyway, in case the renderer does not take it for a tag).
            case tag
        }

        var kind: Kind
        /// The span in the source.
        var range: Range<Int>
    }

    /// The view of `source`; `markdown` adds the reader view of CommonMark + GFM.
    init(_ source: [Unicode.Scalar], markdown: Bool) {
        self.init(source, in: 0..<source.count, markdown: markdown)
    }

    /// The view of `source[range]`, offsets still counted in `source`.
    init(_ source: [Unicode.Scalar], in range: Range<Int>, markdown: Bool) {
        scalars.reserveCapacity(range.count)
        starts.reserveCapacity(range.count)
        ends.reserveCapacity(range.count)
        var builder = Builder(source: source, end: range.upperBound, markdown: markdown)
        builder.run(from: range.lowerBound, into: &self)
    }

    /// The view of a plain string (names, phrases, patterns).
    init(_ text: String) {
        self.init(Array(text.unicodeScalars), markdown: false)
    }

    /// The characters as a string.
    var string: String { String(String.UnicodeScalarView(scalars)) }

    /// The number of characters.
    var count: Int { scalars.count }

    /// The source span of the characters in `range` (not empty).
    @inline(__always)
    func sourceRange(_ range: Range<Int>) -> Range<Int> {
        Int(starts[range.lowerBound])..<Int(ends[range.upperBound - 1])
    }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(scalar)
        starts.append(Int32(truncatingIfNeeded: start))
        ends.append(Int32(truncatingIfNeeded: end))
    }

    mutating func addSegment(_ kind: Segment.Kind, _ range: Range<Int>) {
        if !range.isEmpty { segments.append(Segment(kind: kind, range: range)) }
    }

    /// The view names are matched in: white space and emphasis marks (`*` `_` `~` `` ` ``, which a
    /// plain field shows as they are) removed, ASCII letters in lower case (`王 小 明`, `王**小**明`,
    /// `Zhang Wei` and `ZHANGWEI` read `王小明`, `zhangwei`).
    func compacted() -> NormalizedText {
        var result = NormalizedText()
        result.scalars.reserveCapacity(count)
        result.starts.reserveCapacity(count)
        result.ends.reserveCapacity(count)
        for index in scalars.indices {
            let value = scalars[index].value
            if value == 0x20 || value == 0x2A || value == 0x5F || value == 0x7E || value == 0x60 { continue }
            let lowered = (0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20)! : scalars[index]
            result.scalars.append(lowered)
            result.starts.append(starts[index])
            result.ends.append(ends[index])
        }
        result.segments = segments
        return result
    }

    private init() {}

    /// The key a phrase is matched by in a compacted view.
    static func matchKey(_ phrase: String) -> String {
        if let key = plainMatchKey(phrase) { return key }
        return NormalizedText(phrase).compacted().string
    }

    /// A phrase as the view reads it (folded, not compacted), without making a view when
    /// every character is one the view leaves as it is.
    static func folded(_ phrase: String) -> String {
        plainMatchKey(phrase) == nil ? NormalizedText(phrase).string
            : phrase
    }

    /// The key of a phrase made only of characters the view leaves as they are (CJK unified
    /// ideographs, ASCII letters and digits: nearly every name in a snapshot), without making
    /// a view; nil for any other phrase. A redactor makes the keys of every subject's name.
    private static func plainMatchKey(_ phrase: String) -> String? {
        var lowered = false
        for scalar in phrase.unicodeScalars {
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x30...0x39, 0x61...0x7A: continue
            case 0x41...0x5A: lowered = true
            default: return nil
            }
        }
        return lowered ? String(String.UnicodeScalarView(phrase.unicodeScalars.map {
            (0x41...0x5A).contains($0.value) ? Unicode.Scalar($0.value + 0x20)! : $0
        })) : phrase
    }
}

extension NormalizedText {
    /// The single pass that makes a view.
    private struct Builder {
        let source: [Unicode.Scalar]
        let end: Int
        let markdown: Bool
        var folding = CharacterFolding()
        /// Where an autolink's closing `>` stands (dropped when reached).
        var autolinkClose = -1
        /// The next `>` at or after each index, found on first use (raw HTML).
        var nextClose: [Int32] = []

        init(source: [Unicode.Scalar], end: Int, markdown: Bool) {
            self.source = source
            self.end = end
            self.markdown = markdown
        }

        mutating func run(from start: Int, into view: inout NormalizedText) {
            var index = start
            while index < end {
                if markdown, let next = markdownStep(at: index, into: &view) {
                    index = next
                    continue
                }
                index = plainStep(at: index, into: &view)
            }
        }

        /// A character reference, percent-encoded bytes or one folded character.
        mutating func plainStep(at index: Int, into view: inout NormalizedText) -> Int {
            let scalar = source[index]
            if scalar == "&", let (decoded, after) = CharacterFolding.entity(in: source, at: index), after <= end {
                folding.fold(decoded) { view.append($0, from: index, to: after) }
                return after
            }
            if scalar == "%" {
                var from = index
                var decodedAny = false
                for (decoded, after) in CharacterFolding.percentEncoded(in: source, at: index) where after <= end {
                    folding.fold(decoded) { view.append($0, from: from, to: after) }
                    from = after
                    decodedAny = true
                }
                if decodedAny { return from }
            }
            folding.fold(scalar) { view.append($0, from: index, to: index + 1) }
            return index + 1
        }

        /// Markdown syntax at `index` that a reader does not see, or nil for text.
        mutating func markdownStep(at index: Int, into view: inout NormalizedText) -> Int? {
            let scalar = source[index]
            switch scalar {
            case "\\":
                guard index + 1 < end, source[index + 1].isASCII, isASCIIPunctuation(source[index + 1]) else {
                    return nil
                }
                folding.fold(source[index + 1]) { view.append($0, from: index, to: index + 2) }
                return index + 2
            case "*", "_", "~", "`", "[":
                return index + 1
            case "!":
                return index + 1 < end && source[index + 1] == "[" ? index + 1 : nil
            case "]":
                guard index + 1 < end, source[index + 1] == "(", let close = destinationClose(from: index + 2) else {
                    return index + 1
                }
                view.addSegment(.destination, (index + 2)..<close)
                return close + 1
            case "<":
                if let close = autolinkClose(from: index) {
                    autolinkClose = close
                    return index + 1
                }
                if let close = tagClose(from: index) {
                    view.addSegment(.tag, (index + 1)..<close)
                    return close + 1
                }
                return nil
            case ">" where index == autolinkClose:
                return index + 1
            default:
                return nil
            }
        }

        /// The `)` closing a link destination that starts at `start`, balanced, on one line,
        /// within 4,096 characters.
        func destinationClose(from start: Int) -> Int? {
            var depth = 0
            var cursor = start
            while cursor < end, cursor - start < 4096 {
                switch source[cursor] {
                case "\n": return nil
                case "\\": cursor += 1
                case "(": depth += 1
                case ")":
                    if depth == 0 { return cursor }
                    depth -= 1
                default: break
                }
                cursor += 1
            }
            return nil
        }

        /// The `>` of an autolink (`<https://…>`, `<name@example.com>`) at `start`.
        func autolinkClose(from start: Int) -> Int? {
            var cursor = start + 1
            var sawColon = false
            var sawAt = false
            while cursor < end, cursor - start < 2048 {
                let scalar = source[cursor]
                switch scalar {
                case ">":
                    return (sawColon || sawAt) && cursor > start + 1 ? cursor : nil
                case "<", " ", "\n", "\t": return nil
                case ":": sawColon = true
                case "@": sawAt = true
                default: break
                }
                cursor += 1
            }
            return nil
        }

        /// The `>` ending a raw HTML tag, comment, declaration or processing instruction at
        /// `start` (`<b>`, `</b>`, `<!-- … -->`, `<?…?>`, `<![CDATA[…]]>`), found through a table
        /// of next positions so that a field of many `<` stays linear.
        mutating func tagClose(from start: Int) -> Int? {
            guard start + 1 < end else { return nil }
            let next = source[start + 1]
            let opensTag = isASCIILetter(next) || next == "/" || next == "!" || next == "?"
            guard opensTag, next != "/" || (start + 2 < end && isASCIILetter(source[start + 2])) else { return nil }
            if nextClose.isEmpty {
                nextClose = [Int32](repeating: -1, count: end + 1)
                var following: Int32 = -1
                for position in stride(from: end - 1, through: 0, by: -1) {
                    if source[position] == ">" { following = Int32(position) }
                    nextClose[position] = following
                }
            }
            let close = Int(nextClose[start + 1])
            guard close > start, close - start <= 65_536 else { return nil }
            return close
        }

        @inline(__always)
        func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
            (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
        }

        @inline(__always)
        func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
            default: return false
            }
        }
    }
}
