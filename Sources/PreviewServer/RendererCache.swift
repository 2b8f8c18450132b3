import BuildPipeline
import CreditVocabulary
import Foundation
import Messages

/// Keeps the preview renderer of the snapshot file as it is, and makes a new one when the
/// file or the day changes, in the background: until the new one is ready (a million-record
/// snapshot takes a while), requests are answered from the old one with a notice saying so;
/// a new file that cannot be read leaves the old one serving, with a notice and the cause
/// on standard error. Only the first renderer is made while a request waits.
actor RendererCache {
    /// What a request is answered with.
    struct Current: Sendable {
        /// The renderer.
        var renderer: PreviewRenderer
        /// How many renderers were made before it: a page's originals are fetched for the
        /// renderer that made the page, whose replacement numbers they follow.
        var generation: Int
        /// What the reviewer should know: a new version loading, or one that could not be read.
        var notice: String?
    }

    private struct Key: Equatable {
        var file: FileStamp
        var day: CivilDate
    }

    private let snapshot: String
    private let site: String
    private var key: Key?
    private var renderer: PreviewRenderer?
    private var generation = 0
    /// The version being made, if any.
    private var loading: Key?
    /// The version that could not be made, and why.
    private var failed: (key: Key, message: String)?

    init(snapshot: String, site: String) {
        self.snapshot = snapshot
        self.site = site
    }

    /// The renderer to answer with now.
    func current() throws -> Current {
        let now = stamp()
        guard let renderer else {
            let fresh = try PreviewRenderer(snapshot: snapshot, site: site, asOf: now.day)
            install(fresh, for: now)
            return Current(renderer: fresh, generation: generation)
        }
        if key == now { return Current(renderer: renderer, generation: generation) }
        if let failed, failed.key == now {
            return Current(renderer: renderer, generation: generation,
                           notice: "快照文件已更换，但无法读取（\(failed.message)）；此页仍为上一版本。")
        }
        if loading != now { load(now) }
        return Current(renderer: renderer, generation: generation, notice: "快照已重新导出，正在载入新版本；此页仍为上一版本，请稍后刷新。")
    }

    private func load(_ version: Key) {
        loading = version
        let snapshot = snapshot, site = site
        Task.detached(priority: .utility) {
            let result = Result { try PreviewRenderer(snapshot: snapshot, site: site, asOf: version.day) }
            await self.finish(version, result)
        }
    }

    private func finish(_ version: Key, _ result: Result<PreviewRenderer, any Error>) {
        guard loading == version else { return }
        loading = nil
        switch result {
        case .success(let fresh):
            // A file changed again while this one was made is picked up by the next request.
            install(fresh, for: version)
        case .failure(let error):
            failed = (version, "\(error)")
            FileHandle.standardError.write(Data(("gongshi: " + Message("preview_snapshot_unreadable", ["snapshot": snapshot, "cause": MessageLanguage.current.text(of: error)]).coded() + "\n").utf8))
        }
    }

    private func install(_ fresh: PreviewRenderer, for version: Key) {
        renderer = fresh
        key = version
        failed = nil
        generation += 1
    }

    private func stamp() -> Key {
        Key(file: FileStamp(of: snapshot), day: .today())
    }
}
