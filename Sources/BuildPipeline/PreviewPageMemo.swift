import Synchronization

/// The previews a renderer has made, so that a row is rendered once per snapshot version (a
/// renderer lives as long as its snapshot file is unchanged): a reviewer's reloads, and many
/// requests for one heavy row, cost a lookup. Bounded by the bytes of the pages it holds;
/// past that, the oldest are forgotten. Only pages that exist are kept, so requests for any
/// number of made-up addresses do not grow it.
final class PreviewPageMemo: Sendable {
    /// The most bytes of page HTML held.
    let budget: Int

    private struct State {
        var pages: [String: PreviewRenderer.Page] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = Mutex(State())

    /// A memo holding at most `budget` bytes of pages.
    init(budget: Int = 64 << 20) {
        self.budget = budget
    }

    /// The page made for `key` before, if it is still kept.
    func page(_ key: String) -> PreviewRenderer.Page? {
        state.withLock { $0.pages[key] }
    }

    /// Keeps `page` for `key`, unless it is over a quarter of the budget.
    func keep(_ page: PreviewRenderer.Page, for key: String) {
        let size = page.html.utf8.count
        let budget = budget
        guard size <= budget / 4 else { return }
        state.withLock { state in
            guard state.pages[key] == nil else { return }
            state.pages[key] = page
            state.order.append(key)
            state.bytes += size
            while state.bytes > budget, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= state.pages.removeValue(forKey: oldest)?.html.utf8.count ?? 0
            }
        }
    }
}
