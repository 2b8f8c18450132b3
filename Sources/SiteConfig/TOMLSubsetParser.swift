/// Parses the subset of TOML 1.0 that `site.toml` needs: comments, `[table]` and
/// `[dotted.table]` headers, `key = value` with basic and literal strings, integers,
/// booleans and one-line arrays. Anything else is an error naming the line.
///
/// (The TOMLKit package depends on a package the mirror does not carry, so gongshi reads
/// its configuration with this small, tested parser instead.)
public enum TOMLSubsetParser {
    /// A syntax error with its 1-based line number.
    public struct SyntaxError: Error, CustomStringConvertible, Equatable {
        /// Line number.
        public var line: Int
        /// What is wrong.
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The document as nested tables.
    public static func parse(_ text: String) throws -> [String: TOMLValue] {
        try parseWithLines(text).root
    }

    /// The document as nested tables, and the line where each key (dotted: `policy.periods`)
    /// and each table first appears, for messages about a key.
    public static func parseWithLines(_ text: String) throws -> (root: [String: TOMLValue], lines: [String: Int]) {
        var root: [String: TOMLValue] = [:]
        var lines: [String: Int] = [:]
        func note(_ path: [String], _ line: Int) {
            for end in 1...path.count where lines[path[..<end].joined(separator: ".")] == nil {
                lines[path[..<end].joined(separator: ".")] = line
            }
        }
        var currentPath: [String] = []
        var definedTables = Set<[String]>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var scanner = Scanner(Array(rawLine.unicodeScalars), line: lineNumber)
            scanner.skipWhitespace()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                var path: [String] = []
                repeat {
                    scanner.skipWhitespace()
                    path.append(try scanner.key())
                    scanner.skipWhitespace()
                } while scanner.consume(".")
                guard scanner.consume("]") else { throw scanner.error("expected ']' after a table name") }
                scanner.skipWhitespace()
                guard scanner.atEndOrComment else { throw scanner.error("unexpected text after a table header") }
                guard definedTables.insert(path).inserted else {
                    throw scanner.error("table [\(path.joined(separator: "."))] is defined twice")
                }
                currentPath = path
                try insert(.table([:]), at: path, into: &root, line: lineNumber, allowExistingTable: true)
                note(path, lineNumber)
                continue
            }
            var keyPath: [String] = []
            repeat {
                scanner.skipWhitespace()
                keyPath.append(try scanner.key())
                scanner.skipWhitespace()
            } while scanner.consume(".")
            guard scanner.consume("=") else { throw scanner.error("expected '=' after a key") }
            scanner.skipWhitespace()
            let value = try scanner.value()
            scanner.skipWhitespace()
            guard scanner.atEndOrComment else { throw scanner.error("unexpected text after a value") }
            try insert(value, at: currentPath + keyPath, into: &root, line: lineNumber, allowExistingTable: false)
            note(currentPath + keyPath, lineNumber)
        }
        return (root, lines)
    }

    private static func insert(
        _ value: TOMLValue, at path: [String], into table: inout [String: TOMLValue], line: Int,
        allowExistingTable: Bool
    ) throws {
        let key = path[0]
        if path.count == 1 {
            if let existing = table[key] {
                if allowExistingTable, case .table = existing { return }
                throw SyntaxError(line: line, message: "key '\(key)' is defined twice")
            }
            table[key] = value
            return
        }
        var child: [String: TOMLValue]
        switch table[key] {
        case nil: child = [:]
        case .table(let existing)?: child = existing
        default: throw SyntaxError(line: line, message: "key '\(key)' is not a table")
        }
        try insert(value, at: Array(path.dropFirst()), into: &child, line: line, allowExistingTable: allowExistingTable)
        table[key] = .table(child)
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        let line: Int
        var position = 0

        init(_ scalars: [Unicode.Scalar], line: Int) {
            // Tolerate Windows line ends.
            self.scalars = scalars.last == "\r" ? Array(scalars.dropLast()) : scalars
            self.line = line
        }

        var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
        var atEndOrComment: Bool { peek == nil || peek == "#" }

        mutating func advance() { position += 1 }

        mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
            guard peek == scalar else { return false }
            position += 1
            return true
        }

        mutating func skipWhitespace() {
            while let scalar = peek, scalar == " " || scalar == "\t" { position += 1 }
        }

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, message: message) }

        mutating func key() throws -> String {
            if peek == "\"" { return try basicString() }
            if peek == "'" { return try literalString() }
            var key = ""
            while let scalar = peek, scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-" {
                key.unicodeScalars.append(scalar)
                position += 1
            }
            guard !key.isEmpty else { throw error("expected a key") }
            return key
        }

        mutating func value() throws -> TOMLValue {
            switch peek {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[": return try array()
            case "t", "f":
                let word = String(String.UnicodeScalarView(scalars[position...].prefix { $0.properties.isAlphabetic }))
                position += word.unicodeScalars.count
                switch word {
                case "true": return .boolean(true)
                case "false": return .boolean(false)
                default: throw error("'\(word)' is not a value")
                }
            case let scalar? where ("0"..."9").contains(scalar) || scalar == "-" || scalar == "+":
                var text = ""
                while let next = peek, ("0"..."9").contains(next) || next == "-" || next == "+" || next == "_" {
                    if next != "_" { text.unicodeScalars.append(next) }
                    position += 1
                }
                guard let number = Int(text) else { throw error("'\(text)' is not an integer") }
                return .integer(number)
            default:
                throw error("expected a value (string, integer, boolean or array)")
            }
        }

        mutating func array() throws -> TOMLValue {
            position += 1
            var values: [TOMLValue] = []
            while true {
                skipWhitespace()
                if consume("]") { return .array(values) }
                values.append(try value())
                skipWhitespace()
                if consume(",") { continue }
                guard consume("]") else { throw error("expected ',' or ']' in an array (arrays must fit on one line)") }
                return .array(values)
            }
        }

        mutating func literalString() throws -> String {
            position += 1
            var text = ""
            while let scalar = peek {
                position += 1
                if scalar == "'" { return text }
                text.unicodeScalars.append(scalar)
            }
            throw error("unterminated string")
        }

        mutating func basicString() throws -> String {
            position += 1
            var text = ""
            while let scalar = peek {
                position += 1
                switch scalar {
                case "\"":
                    return text
                case "\\":
                    guard let escaped = peek else { throw error("unterminated escape") }
                    position += 1
                    switch escaped {
                    case "\"": text += "\""
                    case "\\": text += "\\"
                    case "n": text += "\n"
                    case "t": text += "\t"
                    case "r": text += "\r"
                    case "u", "U":
                        let length = escaped == "u" ? 4 : 8
                        guard position + length <= scalars.count,
                              let code = UInt32(String(String.UnicodeScalarView(scalars[position..<(position + length)])), radix: 16),
                              let decoded = Unicode.Scalar(code) else { throw error("bad unicode escape") }
                        text.unicodeScalars.append(decoded)
                        position += length
                    default:
                        throw error("unknown escape '\\\(escaped)'")
                    }
                default:
                    text.unicodeScalars.append(scalar)
                }
            }
            throw error("unterminated string")
        }
    }
}
