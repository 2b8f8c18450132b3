import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A preview request's context: who sent it (the peer address, for the access log and the
/// login throttle) and, once the login gate let it through, which reviewer.
struct PreviewContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's address (the proxy's, behind one).
    let peer: String
    /// The reviewer whose session the request carries; `本机审核人员` when no login is asked.
    var reviewer: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? "?"
    }

    /// The client's address for the log and the throttle: behind a proxy on loopback, the
    /// last address of its `X-Forwarded-For` (so that one guesser does not lock every reviewer
    /// out); otherwise the peer's (a remote client's header is not believed).
    func client(of request: Request) -> String {
        guard ListeningAddress.isLoopbackNumeric(peer),
              let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").last else { return peer }
        let address = forwarded.trimmingCharacters(in: .whitespaces)
        return ListeningAddress.isNumeric(address) ? address : peer
    }

    /// Requests carry at most a login form.
    var maxUploadSize: Int { RequestGuard.maxBodyBytes }
}
