import BuildPipeline
import CreditVocabulary
import Foundation

/// Keeps the last preview renderer while the snapshot file and the day stay the same, so a
/// re-exported snapshot is picked up by the next request, without a restart.
actor RendererCache {
    private struct Key: Equatable {
        var modified: Date?
        var size: Int?
        var inode: Int?
        var day: CivilDate
    }

    private let snapshot: String
    private let site: String
    private var key: Key?
    private var renderer: PreviewRenderer?
    /// How many renderers were made: a page's originals are fetched for the renderer that
    /// made the page, whose replacement numbers they follow.
    private(set) var generation = 0

    init(snapshot: String, site: String) {
        self.snapshot = snapshot
        self.site = site
    }

    /// The renderer of the snapshot as it is now, and its generation.
    func current() throws -> (renderer: PreviewRenderer, generation: Int) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: snapshot)
        let now = Key(modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue,
                      inode: (attributes?[.systemFileNumber] as? NSNumber)?.intValue, day: .today())
        if let renderer, key == now { return (renderer, generation) }
        let fresh = try PreviewRenderer(snapshot: snapshot, site: site, asOf: now.day)
        renderer = fresh
        key = now
        generation += 1
        return (fresh, generation)
    }
}
