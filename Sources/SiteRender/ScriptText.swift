/// The site's own scripts as they are published: comments that fill lines of their own,
/// indentation and blank lines left out (a third of the search script's bytes, fetched by
/// every citizen's first query). Code is kept byte for byte, so the rule for the source is
/// only that a comment starts its line (`/* … */`, possibly over several lines).
public enum ScriptText {
    /// `source` without its whole-line comments, indentation and blank lines.
    public static func compact(_ source: String) -> String {
        var lines: [Substring] = []
        var inComment = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = line.drop { $0 == " " || $0 == "\t" }
            if inComment {
                if code.contains("*/") { inComment = false }
                continue
            }
            if code.hasPrefix("/*") {
                inComment = !code.contains("*/")
                continue
            }
            if !code.isEmpty { lines.append(code) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
