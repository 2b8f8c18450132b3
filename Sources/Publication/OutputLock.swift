import Foundation

/// The output folder's lock file, the one `gongshi build` takes: a publication reads the site
/// while no build swaps it. Opened without close-on-exec, so that the transport's processes
/// hold it too: one that outlives gongshi (killed alone) keeps the next build or publication
/// out until it has ended, instead of uploading old files after a newer publication.
struct OutputLock {
    private let descriptor: Int32

    /// Takes the lock at `url`, or fails at once when a build or publication of `folder` holds it.
    init(_ url: URL, folder: URL) throws {
        descriptor = open(url.path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw PublishError("\(url.path): cannot create the lock file") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw PublishError("\(folder.path): a gongshi build or publication of this folder is running")
        }
    }

    /// Lets the lock go.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
