import PageModel
import SnapshotModel
import StableDigest

extension DigestWriter {
    /// A page's window note: the bytes of `DisclosureNote`'s synthesised `Encodable`
    /// conformance (start, last day, end label, pending objection).
    mutating func field(_ name: StaticString, _ note: DisclosureNote?) {
        guard let note else { field(name, Optional<String>.none); return }
        field(name) {
            $0.object {
                $0.field("start", note.start)
                $0.field("lastDay", note.lastDay)
                $0.field("endLabel", note.endLabel)
                $0.field("objectionPending", note.objectionPending)
            }
        }
    }
}
