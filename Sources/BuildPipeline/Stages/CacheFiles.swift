import Foundation
import PageCache
import SearchIndex
import SiteOutput

/// What a build leaves for the next one in its cache folder, and reads of the last one's.
struct CacheFiles: Sendable {
    /// The page cache (``PageCache``).
    let pages: URL
    /// The fingerprints of the search index files (``SearchFileCache``).
    let searchFiles: URL
    /// The search documents' numbers (``SearchNumberFile``).
    let searchNumbers: URL
    /// The update and next-change dates (``ChangeDatesCache``).
    let changeDates: URL

    /// The files of `folder`.
    init(_ folder: URL) {
        pages = folder.appendingPathComponent("pages.bin")
        searchFiles = folder.appendingPathComponent("search-files.bin")
        searchNumbers = folder.appendingPathComponent("search-numbers.bin")
        changeDates = folder.appendingPathComponent("change-dates.json")
    }

    /// The last build's page cache, when it was made with `fingerprint` for the site named
    /// `manifestID` (and not `full`); else nil and why.
    func lastPageCache(fingerprint: [UInt8], manifestID: [UInt8]?, full: Bool) -> (cache: PageCache?, why: String) {
        var why = "--full"
        let cache = full ? nil : PageCache.load(pages, fingerprint: fingerprint, manifestID: manifestID, why: &why)
        return (cache, why)
    }

    /// The last build's search index files, when made with `fingerprint` (and not `full`).
    func lastSearchFiles(fingerprint: [UInt8], full: Bool) -> SearchFileCache? {
        full ? nil : SearchFileCache.load(searchFiles, fingerprint: fingerprint)
    }

    /// The search documents' numbers, kept even by `--full`: a document keeps its number
    /// while it is shown, so that the index does not churn (see ``SearchNumbering``).
    func lastSearchNumbers() -> SearchNumbering {
        SearchNumberFile.load(searchNumbers) ?? SearchNumbering()
    }

    /// Finishes the next build's page cache in `writer` for the site named `manifestID`; a
    /// cache that cannot be finished is removed (the old one no longer matches the site).
    /// - Returns: why it was not written, or nil.
    func finishPageCache(_ writer: PageCacheWriter?, problem: String?, manifestID: [UInt8]?) -> String? {
        if let problem {
            PageCache.remove(pages)
            return problem
        }
        guard let writer else { return nil }
        do {
            guard let manifestID else { throw OutputError("no manifest was written") }
            try writer.finish(manifestID: manifestID)
            return nil
        } catch {
            writer.abandon()
            PageCache.remove(pages)
            return "\(error)"
        }
    }

    /// Writes the search files' fingerprints and the documents' numbers; a file that cannot
    /// be written is removed (the next build then makes every index file).
    /// - Returns: why they were not written, or nil.
    func writeSearchCaches(_ files: SearchFileCache, numbering: SearchNumbering, fingerprint: [UInt8]) -> String? {
        do {
            try files.write(to: searchFiles, fingerprint: fingerprint)
            try SearchNumberFile.write(numbering, to: searchNumbers)
            return nil
        } catch {
            SearchFileCache.remove(searchFiles)
            SearchFileCache.remove(searchNumbers)
            return "\(error)"
        }
    }
}
