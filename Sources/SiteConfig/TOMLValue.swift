/// A value of `site.toml`, as the settings read it.
public enum TOMLValue: Hashable, Sendable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A boolean.
    case boolean(Bool)
    /// An array.
    case array([TOMLValue])
    /// A table.
    case table([String: TOMLValue])
    /// A float, date or time (its TOML type), which no setting takes.
    case other(String)

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
