import CreditVocabulary

/// Finds ID numbers, phone numbers, bank cards and e-mail addresses in free text
/// (redaction.md, "Free text"). Pure; works on Unicode scalars.
enum FreeTextDetector {
    /// Separators allowed between groups of digits, at most ``maximumGap`` of them in a row:
    /// white space (the normalised view has made every kind one space), `.` `-` `/` `·` `・`
    /// `\\` (a Markdown escape in a plain field), brackets around an area code, the Unicode
    /// dashes and minus signs (their full-width forms are folded to these by the view), and the
    /// emphasis marks a plain field shows as they are (`*` `_` `~` `` ` ``: `3501**02**…`; never
    /// three `*` in a row, which is a mask such as `138****5678`).
    @inline(__always)
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20, 0x28, 0x29, 0x2A, 0x2D, 0x2E, 0x2F, 0x5C, 0x5F, 0x60, 0x7E, 0xA0, 0xB7, 0x3000, 0x30FB,
             0x2010...0x2015,
             0x2212, 0xFE58, 0xFE63, 0xFF08, 0xFF09, 0xFF0D, 0xFF0E, 0xFF0F:
            return true
        default:
            return false
        }
    }

    /// `*` `_` `~` `` ` ``: marks a plain field shows as they are and a Markdown field drops.
    @inline(__always)
    static func isEmphasisMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "*" || scalar == "_" || scalar == "~" || scalar == "`"
    }

    /// Whether a gap between digits holds three `*` in a row: a mask, not emphasis.
    @inline(__always)
    static func holdsMask(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        var stars = 0
        for scalar in gap {
            stars = scalar == "*" ? stars + 1 : 0
            if stars >= 3 { return true }
        }
        return false
    }

    /// The most separators between two groups of one number (`138 - 1234`, two spaces, `)-`).
    static let maximumGap = 4
    /// The most digits a detected number has (a mobile number after `0086`: 15; a card: 19).
    static let maximumDigits = 19

    /// The ASCII digit for an ASCII or full-width digit, else nil.
    @inline(__always)
    static func digit(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: return UInt8(scalar.value - 0x30)
        case 0xFF10...0xFF19: return UInt8(scalar.value - 0xFF10)
        default: return nil
        }
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// Every detection in `text` (a normalised view), possibly overlapping; the caller
    /// resolves overlaps. Linear in the length of `text`.
    static func detect(in text: [Unicode.Scalar]) -> [Detection] {
        detectNumbers(in: text) + detectEmails(in: text)
    }

    /// A group of digits of a number: where it stands and where its digits start in the
    /// number's digit string.
    private struct Group {
        var range: Range<Int>
        var digitStart: Int
        var digitCount: Int
    }

    /// ID numbers, phones and cards: each run of digit groups joined by short runs of
    /// separators is split, greedily from the left, into the longest spans of whole groups
    /// that classify. A span has at most ``maximumDigits`` digits (a `0086`
    /// mobile number has 15), so each group starts a bounded number of candidates: linear time.
    static func detectNumbers(in text: [Unicode.Scalar]) -> [Detection] {
        var detections: [Detection] = []
        var groups: [Group] = []
        var digits: [UInt8] = []
        var index = 0
        while index < text.count {
            guard digit(text[index]) != nil else {
                index += 1
                continue
            }
            groups.removeAll(keepingCapacity: true)
            digits.removeAll(keepingCapacity: true)
            var cursor = index
            // Digits after a gap of emphasis marks only (`6222**02**…` in a plain field) read
            // as the same group: the grouping a card needs is the one a reader sees.
            var joinsLastGroup = false
            while true {
                let start = cursor
                while cursor < text.count, let value = digit(text[cursor]) {
                    digits.append(value + 0x30)
                    cursor += 1
                }
                if joinsLastGroup {
                    groups[groups.count - 1].range = groups[groups.count - 1].range.lowerBound..<cursor
                    groups[groups.count - 1].digitCount += cursor - start
                } else {
                    groups.append(Group(range: start..<cursor, digitStart: digits.count - (cursor - start),
                                        digitCount: cursor - start))
                }
                var gap = cursor
                while gap < text.count, gap - cursor < maximumGap, isSeparator(text[gap]) { gap += 1 }
                guard gap > cursor, gap < text.count, digit(text[gap]) != nil, !holdsMask(text[cursor..<gap]) else { break }
                joinsLastGroup = text[cursor..<gap].allSatisfy(isEmphasisMark)
                cursor = gap
            }
            // A final X of an ID number, after groups holding 17 digits.
            if cursor < text.count, text[cursor] == "X" || text[cursor] == "x",
               cursor + 1 >= text.count || !isASCIIAlphanumeric(text[cursor + 1]) {
                var running = 0
                for group in groups.reversed() {
                    running += group.digitCount
                    if running >= 17 { break }
                }
                if running == 17 {
                    digits.append(UInt8(ascii: "X"))
                    groups[groups.count - 1].digitCount += 1
                    groups[groups.count - 1].range = groups[groups.count - 1].range.lowerBound..<(cursor + 1)
                    cursor += 1
                }
            }
            classifyGroups(text, groups: groups, digits: digits, into: &detections)
            index = cursor
        }
        return detections
    }

    /// The detections of one run of groups, longest classifiable span first from each group.
    private static func classifyGroups(
        _ text: [Unicode.Scalar], groups: [Group], digits: [UInt8], into detections: inout [Detection]
    ) {
        var first = 0
        while first < groups.count {
            var last = first
            var total = groups[first].digitCount
            while last + 1 < groups.count, total + groups[last + 1].digitCount <= maximumDigits {
                last += 1
                total += groups[last].digitCount
            }
            var found = false
            while last >= first {
                let from = groups[first].digitStart
                let to = groups[last].digitStart + groups[last].digitCount
                let candidate = String(decoding: digits[from..<to], as: UTF8.self)
                if var detection = classify(candidate), detection.rule != .bankCard || isCardGrouping(groups[first...last]) {
                    var range = groups[first].range.lowerBound..<groups[last].range.upperBound
                    let before = range.lowerBound - 1
                    if detection.rule == .mobile, candidate.hasPrefix("86"), before >= 0, text[before] == "+" {
                        range = before..<range.upperBound
                    } else if detection.rule == .landline, before >= 0, text[before] == "(" || text[before] == "\u{FF08}" {
                        range = before..<range.upperBound
                    }
                    detection.range = range
                    detections.append(detection)
                    first = last + 1
                    found = true
                    break
                }
                last -= 1
            }
            if !found { first += 1 }
        }
    }

    /// Whether groups can be a card number as people write one: one group, or groups of four
    /// (or six) digits and a last one (`6222 0212 3456 7890 128`), not two dates in a row.
    private static func isCardGrouping(_ groups: ArraySlice<Group>) -> Bool {
        groups.dropLast().allSatisfy { $0.digitCount == 4 || $0.digitCount == 6 }
    }

    /// The rule and mask for a string of ASCII digits (possibly ending in X), or nil.
    static func classify(_ digits: String) -> Detection? {
        let count = digits.count
        let hasX = digits.last == "X"
        func keep(_ head: Int, _ tail: Int, stars: Int) -> String {
            String(digits.prefix(head)) + String(repeating: "*", count: stars) + String(digits.suffix(tail))
        }
        var idMask: Detection { Detection(range: 0..<0, rule: .idNumber, replacement: keep(4, 4, stars: count - 8)) }
        if hasX {
            return count == 18 ? idMask : nil
        }
        if count == 15, digits.hasPrefix("00861"), ("3"..."9").contains(digits.dropFirst(5).prefix(1)) {
            let mobile = String(digits.dropFirst(4))
            return Detection(
                range: 0..<0, rule: .mobile,
                replacement: String(mobile.prefix(3)) + "****" + String(mobile.suffix(4)))
        }
        switch count {
        case 18:
            if IdentifierChecksum.isValidIDNumber(digits) || IdentifierChecksum.hasPlausibleBirthDate(digits) {
                return idMask
            }
            return IdentifierChecksum.passesLuhn(digits) ? cardMask(digits) : nil
        case 15:
            if IdentifierChecksum.hasPlausibleBirthDate(digits) { return idMask }
            return IdentifierChecksum.passesLuhn(digits) ? cardMask(digits) : nil
        case 16, 17, 19:
            return IdentifierChecksum.passesLuhn(digits) ? cardMask(digits) : nil
        case 11 where digits.hasPrefix("1") && ("3"..."9").contains(digits.dropFirst().prefix(1)):
            return Detection(range: 0..<0, rule: .mobile, replacement: keep(3, 4, stars: 4))
        case 13 where digits.hasPrefix("861") && ("3"..."9").contains(digits.dropFirst(3).prefix(1)):
            let mobile = String(digits.dropFirst(2))
            return Detection(
                range: 0..<0, rule: .mobile,
                replacement: String(mobile.prefix(3)) + "****" + String(mobile.suffix(4)))
        case 10...12 where digits.hasPrefix("0"):
            let areaLength = digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4
            guard (7...8).contains(count - areaLength) else { return nil }
            return Detection(range: 0..<0, rule: .landline, replacement: String(digits.prefix(areaLength)) + "-****")
        default:
            return nil
        }
    }

    private static func cardMask(_ digits: String) -> Detection {
        Detection(
            range: 0..<0, rule: .bankCard,
            replacement: String(digits.prefix(4)) + " **** **** " + String(digits.suffix(4)))
    }

    private static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || "._%+-".unicodeScalars.contains(scalar)
    }

    private static func isDomainPart(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == "." || scalar == "-"
    }

    static func detectEmails(in text: [Unicode.Scalar]) -> [Detection] {
        var detections: [Detection] = []
        for (at, scalar) in text.enumerated() where scalar == "@" {
            var start = at
            while start > 0, isLocalPart(text[start - 1]) { start -= 1 }
            var end = at + 1
            while end < text.count, isDomainPart(text[end]) { end += 1 }
            while end > at + 1, text[end - 1] == "." || text[end - 1] == "-" { end -= 1 }
            guard start < at, end > at + 1 else { continue }
            let domain = String(String.UnicodeScalarView(text[(at + 1)..<end]))
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
                  let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { continue }
            let first = String(text[start])
            detections.append(Detection(range: start..<end, rule: .email, replacement: "\(first)***@\(domain)"))
        }
        return detections
    }
}
