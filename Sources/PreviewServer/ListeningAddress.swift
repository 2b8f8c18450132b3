#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Messages

/// The address the preview binds, resolved once at start: whether every address it stands
/// for is a loopback one (decided on the resolved addresses, not on how the name is spelled:
/// `127.0.0.1.nip.invalid` is not loopback), and which `Host` headers name it.
struct ListeningAddress: Sendable {
    /// The host as given.
    var host: String
    /// The numeric addresses it resolved to.
    var addresses: [String]
    /// The names a `Host` header may give besides an IP address, normalised: the host, the
    /// server names (a proxy's public name), the resolved addresses, and on loopback
    /// `localhost`, `127.0.0.1` and `::1`.
    let names: Set<String>

    /// Resolves `host`; throws when it names no address.
    init(host: String, serverNames: [String] = []) throws {
        self.host = host
        self.addresses = Self.resolve(host)
        guard !addresses.isEmpty else {
            throw PreviewError(Message("unresolvable_host", ["host": host]))
        }
        var names = Set(([host] + serverNames + addresses).map(Self.normalized))
        if addresses.allSatisfy(Self.isLoopbackNumeric) { names.formUnion(["localhost", "127.0.0.1", "::1"]) }
        self.names = names
    }

    /// Whether every address is a loopback address (127.0.0.0/8, ::1, ::ffff:127.x.x.x).
    var isLoopback: Bool {
        addresses.allSatisfy(Self.isLoopbackNumeric)
    }

    /// Whether a `Host` header value (`name`, `name:port`, `[v6]:port`) names this preview:
    /// an IP address (a browser sends one only when its address bar holds one, so the page is
    /// the preview's own), the bound host, `localhost` when bound to loopback, or a configured
    /// server name. Any other name is a page that reached the port under its own name, which
    /// is what DNS rebinding does.
    func accepts(hostHeader value: String) -> Bool {
        let name = Self.hostName(of: value)
        guard !name.isEmpty else { return false }
        return Self.isNumeric(name) || names.contains(name)
    }

    /// The host part of a `Host` header, lowercased, without port, brackets or final dot.
    static func hostName(of value: String) -> String {
        var text = Substring(value.trimmingASCIISpaces())
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return "" }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isASCIIDigit)) else { return "" }
            text = text[text.index(after: text.startIndex)..<close]
            return normalized(String(text))
        }
        if let colon = text.lastIndex(of: ":") {
            guard text[text.index(after: colon)...].allSatisfy(\.isASCIIDigit), !text[..<colon].contains(":") else { return "" }
            text = text[..<colon]
        }
        return normalized(String(text))
    }

    static func normalized(_ name: String) -> String {
        var name = name.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }

    /// The numeric addresses `host` resolves to (none when it does not).
    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var found: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !found.contains(text) { found.append(text) }
            }
            node = current.pointee.ai_next
        }
        return found
    }

    /// Whether `name` is an IPv4 or IPv6 address rather than a name.
    static func isNumeric(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }

    /// Whether a numeric address is loopback.
    static func isLoopbackNumeric(_ address: String) -> Bool {
        let address = address.lowercased()
        if address == "::1" { return true }
        if address.hasPrefix("::ffff:") { return isLoopbackNumeric(String(address.dropFirst("::ffff:".count))) }
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
