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

    init(snapshot: String, site: String) {
        self.snapshot = snapshot
        self.site = site
    }

    func current() throws -> PreviewRenderer {
        let attributes = try? FileManager.default.attributesOfItem(atPath: snapshot)
        let now = Key(modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue,
                      inode: (attributes?[.systemFileNumber] as? NSNumber)?.intValue, day: .today())
        if let renderer, key == now { return renderer }
        let fresh = try PreviewRenderer(snapshot: snapshot, site: site, asOf: now.day)
        renderer = fresh
        key = now
        return fresh
    }
}
