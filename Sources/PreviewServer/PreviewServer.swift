import BuildPipeline
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import JSONText
import Messages
import NIOCore
import SnapshotModel

/// `gongshi preview`: a local web server that renders any row of the snapshot for reviewers.
/// It never writes files but its access log. On loopback it needs no login unless given
/// accounts; on any other address it needs `allowRemote` and accounts. Every request must name
/// the preview in its `Host` header; originals are sent only when a reviewer reveals them,
/// and each reveal is logged.
public enum PreviewServer {
    /// Whether `host` resolves to loopback addresses only.
    public static func isLoopback(_ host: String) -> Bool {
        (try? ListeningAddress(host: host))?.isLoopback ?? false
    }

    /// Runs the server until cancelled; `onRunning` gets the bound port.
    public static func run(_ options: PreviewOptions, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let address = try ListeningAddress(host: options.host, serverNames: options.serverNames)
        guard address.isLoopback || options.allowRemote else {
            throw PreviewError(Message("not_loopback", ["host": options.host, "addresses": address.addresses.joined(separator: ", ")]))
        }
        guard address.isLoopback || options.requiresLogin else {
            throw PreviewError(Message("remote_needs_users", ["host": options.host]))
        }
        let gate = try ReviewerGate(options: options)
        // Fail early on a bad snapshot or site folder.
        let cache = RendererCache(snapshot: options.snapshot, site: options.site)
        _ = try await cache.current()
        let site = PreviewSite(cache: cache, gate: gate)

        let router = Router(context: PreviewContext.self)
        router.add(middleware: RequestGuard(address: address))
        router.add(middleware: LoginGate(gate: gate))
        let handler: @Sendable (Request, PreviewContext) async throws -> Response = { request, context in
            let response = await site.respond(to: request, context: context)
            // HEAD: the same status and headers, no body.
            return request.method == .head ? Response(status: response.status, headers: response.headers) : response
        }
        router.get("/", use: handler)
        router.get("**", use: handler)
        router.head("/", use: handler)
        router.head("**", use: handler)
        // One catch-all for the forms too: a constant `_preview` branch in the router's tree
        // would hide the GET pages under it. RequestGuard lets POST reach these two paths only.
        router.post("**") { request, context in
            request.uri.path == PreviewPaths.login ? try await gate.login(request, context: context)
                : await gate.logout(request, context: context)
        }
        let idle = options.idleTimeout.components
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000))),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "gongshi-preview"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) })
        do {
            try await app.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewError(Message("port_in_use", ["port": "\(options.port)"]))
        } catch let error as IOError where error.errnoCode == EACCES {
            throw PreviewError(Message("port_denied", ["port": "\(options.port)"]))
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw PreviewError(Message("address_unavailable", ["host": options.host]))
        }
    }
}
