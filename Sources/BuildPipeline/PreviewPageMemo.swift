import Synchronization

/// The previews a renderer has made, so that a row is rendered once per snapshot version (a
/// renderer lives as long as its snapshot file is unchanged): a reviewer's reloads, and many
/// requests for one heavy row, cost a lookup. Bounded by the bytes of the pages it holds;
/// past that, the oldest are forgotten.
final class PreviewPageMemo: Sendable {
    /// The most bytes of page HTML held.
    let budget: Int

    /// A memo holding at most `budget` bytes of pages.
    init(budget: Int = 64 << 20) {
        self.budget = budget
    }

    private struct State {
        var pages: [String: PreviewRenderer.Page?] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = Mutex(State())

    /// The page made for `key` before, if any (`.some(nil)`: there is no such page).
    func page(_ key: String) -> PreviewRenderer.Page?? {
        state.withLock { $0.pages[key] }
    }

    /// Keeps `page` for `key`.
    func keep(_ page: PreviewRenderer.Page?, for key: String) {
        let size = page?.html.utf8.count ?? 0
        guard size <= budget / 4 else { return }
        let budget = budget
        state.withLock { state in
            guard state.pages[key] == nil else { return }
            state.pages[key] = .some(page)
            state.order.append(key)
            state.bytes += size
            while state.bytes > budget, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= (state.pages.removeValue(forKey: oldest) ?? nil)?.html.utf8.count ?? 0
            }
        }
    }
}
