import CreditVocabulary

/// Finds ID numbers, phone numbers, bank cards and e-mail addresses in free text
/// (redaction.md, "Free text"). Pure; works on Unicode scalars.
enum FreeTextDetector {
    /// Separators allowed between groups of digits: space, dash, no-break space,
    /// ideographic space, full-width dash.
    private static let separators: Set<UInt32> = [0x20, 0x2D, 0xA0, 0x3000, 0xFF0D, 0x2010, 0x2011, 0x2012, 0x2013]

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

    /// Every detection in `text`, possibly overlapping; the caller resolves overlaps.
    static func detect(in text: [Unicode.Scalar]) -> [Detection] {
        detectNumbers(in: text) + detectEmails(in: text)
    }

    /// A run of digit groups separated by single separators.
    private struct Group {
        var range: Range<Int>
        var digits: String
    }

    static func detectNumbers(in text: [Unicode.Scalar]) -> [Detection] {
        var detections: [Detection] = []
        var index = 0
        while index < text.count {
            guard digit(text[index]) != nil, index == 0 || digit(text[index - 1]) == nil else {
                index += 1
                continue
            }
            // Collect groups.
            var groups: [Group] = []
            var cursor = index
            while cursor < text.count, digit(text[cursor]) != nil {
                let start = cursor
                var digits = ""
                while cursor < text.count, let value = digit(text[cursor]) {
                    digits.append(Character(Unicode.Scalar(value + 0x30)))
                    cursor += 1
                }
                groups.append(Group(range: start..<cursor, digits: digits))
                if cursor + 1 < text.count, separators.contains(text[cursor].value), digit(text[cursor + 1]) != nil {
                    cursor += 1
                } else {
                    break
                }
            }
            // A final X of an ID number.
            var suffixLengths = Set<Int>()
            var running = 0
            for group in groups.reversed() {
                running += group.digits.count
                suffixLengths.insert(running)
            }
            if cursor < text.count, text[cursor] == "X" || text[cursor] == "x", suffixLengths.contains(17),
               cursor + 1 >= text.count || !isASCIIAlphanumeric(text[cursor + 1]) {
                groups[groups.count - 1].digits.append("X")
                groups[groups.count - 1].range = groups[groups.count - 1].range.lowerBound..<(cursor + 1)
                cursor += 1
            }
            // Greedy: the longest classifiable run of groups from each group on.
            var first = 0
            while first < groups.count {
                var found = false
                for last in stride(from: groups.count - 1, through: first, by: -1) {
                    let digits = groups[first...last].map(\.digits).joined()
                    var range = groups[first].range.lowerBound..<groups[last].range.upperBound
                    guard var detection = classify(digits) else { continue }
                    if detection.rule == .mobile, digits.hasPrefix("86"), range.lowerBound > 0,
                       text[range.lowerBound - 1] == "+" {
                        range = (range.lowerBound - 1)..<range.upperBound
                    }
                    detection.range = range
                    detections.append(detection)
                    first = last + 1
                    found = true
                    break
                }
                if !found { first += 1 }
            }
            index = max(cursor, index + 1)
        }
        return detections
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
