import Markdown
import Redaction

/// The preview's second kind of mark: text inside a page's `<main>` that no rule changed but
/// that looks like personal data (``DoubtDetector``), wrapped in `<mark class="doubt">` so
/// that a reviewer who trusts the highlights still looks at it; the row report lists them.
/// Replacements (between preview markers) and tags are left alone.
enum PreviewDoubts {
    /// A doubtful span as the row report lists it.
    struct Found: Hashable {
        var kind: DoubtDetector.Kind
        var text: String
        /// Up to 12 characters either side, for the reviewer to find it.
        var context: String
    }

    /// `html` with its doubtful spans marked, and the spans; `publicNames` are match keys of
    /// names the public may read (``Redactor/publicNameKeys``).
    static func flag(_ html: String, publicNames: Set<String>) -> (html: String, found: [Found]) {
        guard let mainStart = html.range(of: "<main"), let mainEnd = html.range(of: "</main>", range: mainStart.upperBound..<html.endIndex) else {
            return (html, [])
        }
        var output = String(html[..<mainStart.lowerBound])
        var found: [Found] = []
        var text = ""
        func flush() {
            guard !text.isEmpty else { return }
            let (marked, spans) = mark(text, publicNames: publicNames)
            output += marked
            found += spans
            text = ""
        }
        var insideTag = false
        var insideMarker = false
        for character in html[mainStart.lowerBound..<mainEnd.lowerBound] {
            if insideTag {
                output.append(character)
                if character == ">" { insideTag = false }
            } else if insideMarker {
                output.append(character)
                if character == PreviewMarker.end { insideMarker = false }
            } else if character == "<" {
                flush()
                insideTag = true
                output.append(character)
            } else if character == PreviewMarker.start {
                flush()
                insideMarker = true
                output.append(character)
            } else {
                text.append(character)
            }
        }
        flush()
        output += html[mainEnd.lowerBound...]
        return (output, found)
    }

    /// One run of text (HTML-escaped already) with its doubts marked.
    static func mark(_ text: String, publicNames: Set<String>) -> (String, [Found]) {
        let doubts = DoubtDetector.doubts(in: text, publicNames: publicNames)
        guard !doubts.isEmpty else { return (text, []) }
        let scalars = Array(text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)]))
        }
        var output = ""
        var found: [Found] = []
        var position = 0
        for doubt in doubts {
            output += slice(position..<doubt.range.lowerBound)
            let span = slice(doubt.range)
            output += "<mark class=\"doubt\" data-doubt=\"\(doubt.kind.rawValue)\" title=\"未作处理，请核对：\(doubt.kind.label)\">\(span)</mark>"
            found.append(Found(kind: doubt.kind, text: span,
                               context: slice((doubt.range.lowerBound - 12)..<(doubt.range.upperBound + 12))))
            position = doubt.range.upperBound
        }
        output += slice(position..<scalars.count)
        return (output, found)
    }
}
