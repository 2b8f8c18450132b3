import PageCache
import SiteOutput
import StableDigest

/// Turns page inputs into page results on all cores: each input's digest (salted with the
/// build fingerprint) is looked up in the page cache; a page it holds keeps its published
/// file in the staging folder, and only the pages it does not hold, or whose published file
/// is gone or edited, are made.
struct CacheablePages: Sendable {
    let context: BuildContext
    let cache: PageCache?
    let output: StagedOutput
    let fingerprint: [UInt8]

    /// The result of each input, in order.
    func results<Input: PageInput>(_ inputs: [Input]) async throws -> [PageResult] {
        try await results(inputs) { $0 }
    }

    /// The result of the input `gather` makes of each row, in order.
    func results<Row: Sendable, Input: PageInput>(
        _ rows: [Row], _ gather: @escaping @Sendable (Row) -> Input
    ) async throws -> [PageResult] {
        let tools = context.tools
        let cache = self.cache
        let output = self.output
        let fingerprint = self.fingerprint
        return try await parallelMap(rows) { row -> PageResult in
            let input = gather(row)
            let digest = StableDigest.of(writing: input, salt: fingerprint)
            if let page = cache?[digest],
               try output.keep(page.path, entry: DeployManifest.Entry(sha256: page.sha256, size: page.size)) {
                return .kept(page)
            }
            return .made(input.make(tools), digest: digest)
        }
    }
}
