import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SiteOutput

/// Runs ``HostVerifier``'s checks over HTTP against the site's base URL, as a citizen's
/// browser would reach it (no cache).
public enum HostFetch {
    /// The checks that failed, in the order of `checks`.
    public static func failures(of checks: [HostVerifier.Check], base: URL, parallel: Int = 8) async -> [HostVerifier.Failure] {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        var results = [HostVerifier.Failure?](repeating: nil, count: checks.count)
        await withTaskGroup(of: (Int, HostVerifier.Failure?).self) { group in
            var next = 0
            func add() {
                guard next < checks.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await failure(of: checks[index], base: base, session: session)) }
            }
            for _ in 0..<parallel { add() }
            for await (index, failure) in group {
                results[index] = failure
                add()
            }
        }
        return results.compactMap { $0 }
    }

    /// The answer to one check.
    static func failure(of check: HostVerifier.Check, base: URL, session: URLSession) async -> HostVerifier.Failure? {
        let url = URL(string: check.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? check.path, relativeTo: base)
            ?? base.appendingPathComponent(check.path)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: 30)
        request.setValue("no-cache", forHTTPHeaderField: "Cache-Control")
        do {
            let (body, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return HostVerifier.judge(check, status: status, body: body)
        } catch {
            return HostVerifier.Failure(path: check.path, problem: "no answer (\(error.localizedDescription))")
        }
    }
}
