import Foundation
import Messages

/// The output folder's lock file (`flock`), taken by `gongshi build` and `gongshi publish`: no
/// two of them work on the same folder at once, so a publication never reads a site a build
/// is swapping.
///
/// A publication opens it `inheritable` (without close-on-exec): the transport's processes
/// hold it too, so one that outlives gongshi (killed alone) keeps the next build or
/// publication out until it has ended, instead of uploading old files after a newer
/// publication. Letting go is therefore only closing gongshi's descriptor, never `LOCK_UN`,
/// which would unlock the description such a process still shares.
public final class OutputLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock at `url`, or fails at once when a build or publication of `folder`
    /// holds it.
    public init(_ url: URL, folder: URL, inheritable: Bool = false) throws {
        descriptor = open(url.path, O_CREAT | O_RDWR | (inheritable ? 0 : O_CLOEXEC), 0o644)
        guard descriptor >= 0 else { throw OutputError(Message("output_lock_failed", ["path": url.path])) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw OutputError(Message("output_busy", ["folder": folder.path]))
        }
    }

    deinit {
        close(descriptor)
    }
}
