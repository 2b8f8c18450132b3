import StableDigest

/// Everything one page is made from, gathered from the build's indexes: the raw rows it
/// shows, their bodies and what the policy says of them. ``make(_:)`` sees nothing else but
/// the build-wide ``PageTools``, so the digest of the input and of the tools' fingerprint
/// names the page's bytes: equal digests, equal pages. That is what lets an incremental
/// build publish a page again without making it. Its digest bytes are written by
/// ``DigestWritable/write(to:)`` (the same bytes as its `Encodable` conformance).
protocol PageInput: DigestWritable, Sendable {
    /// The page, redacted and rendered.
    func make(_ tools: PageTools) -> RenderedPage
}
