/// A value of the TOML subset `site.toml` uses.
public enum TOMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([TOMLValue])
    case table([String: TOMLValue])

    /// The string, if this is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, if this is one.
    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The boolean, if this is one.
    public var boolean: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    /// The table, if this is one.
    public var table: [String: TOMLValue]? {
        if case .table(let value) = self { return value }
        return nil
    }
}
