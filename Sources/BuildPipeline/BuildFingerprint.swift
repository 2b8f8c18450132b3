import Foundation
import StableDigest
#if canImport(Glibc)
import Glibc
#endif

/// Everything build-wide that a cacheable page depends on besides its own inputs: the
/// program itself, the templates, the site information pages show, the publishing region
/// and the redactor's fingerprint (name lists, slugs, overrides). A page cache made under
/// another fingerprint is not used.
struct BuildFingerprint: Encodable {
    /// Raised when what a page input holds or how it is digested changes.
    var format = 1
    /// The running executable's device, inode, size and modification time: a new build of
    /// gongshi may make other bytes from the same inputs.
    var program: [Int]
    var templates: [[String]]
    var site: [String]
    var contentLinks: [[String]]
    var regionCode: String
    var redactor: [UInt8]

    init(tools: PageTools) {
        program = Self.programIdentity()
        templates = tools.templates.sources.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }
        let site = tools.factory.site
        self.site = [site.title.value, site.description.value, site.publisher.value, site.baseURL,
                     site.audience.rawValue, site.isDemo ? "demo" : "", site.source.value,
                     site.asOf.iso, site.updatedOn?.iso ?? "", site.objectionAnswerDays.map(String.init) ?? ""]
            + site.objectionContacts.flatMap { [$0.label, $0.value.value, $0.href ?? ""] }
        contentLinks = site.contentLinks.map { [$0.path, $0.label.value] }
        regionCode = tools.regionCode
        redactor = tools.redactor.fingerprint
    }

    /// The running executable's device, inode, size and modification time (the process id
    /// and the time when they cannot be read: then nothing made by another process matches).
    static func programIdentity() -> [Int] {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else {
            return [Int(ProcessInfo.processInfo.processIdentifier), Int(Date().timeIntervalSince1970 * 1e6)]
        }
        return [Int(status.st_dev), Int(status.st_ino), Int(status.st_size), Int(status.st_mtim.tv_sec),
                Int(status.st_mtim.tv_nsec)]
    }

    /// The fingerprint's digest.
    var digest: [UInt8] { StableDigest.of(self) }
}
