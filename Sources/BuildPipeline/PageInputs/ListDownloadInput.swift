import CreditVocabulary
import PageModel
import Redaction
import SnapshotModel
import StableDigest

/// A list's download (CSV or JSON): every entry the list's pages show, in their order.
struct ListDownloadInput: PageInput {
    let list: ListKind
    let format: ListDownload.Format
    let lines: [ListPageInput.Line]

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("list", list)
            $0.field("format", format)
            $0.field("lines", lines)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        var log = RedactionLog()
        // Redacted exactly as the list's pages redact them.
        let redacted = lines.map { $0.redacted(by: tools.redactor, log: &log) }
        let download = ListDownload(list, entries: redacted, baseURL: tools.factory.site.baseURL)
        return RenderedPage(path: SitePaths.listDownload(list, format: format), html: download.text(format), feedItem: nil, log: log)
    }
}
