// swift-tools-version:6.1
// gongshi (公示): a static site generator for public credit-disclosure portals.
//
// Data flows one way, one target per concern:
//   SnapshotReader → DisclosurePolicy → Redaction → PageModel → SiteRender → SiteOutput
// The rendering side (PageModel, SiteRender) depends on Redaction's public types only,
// never on SnapshotModel's raw rows.

import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "gongshi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongshi", targets: ["gongshi"]),
        .executable(name: "gongshi-bench", targets: ["gongshi-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System libraries and C shims.
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "CAtomicRename"),
        // jemalloc (Debian's libjemalloc-dev), linked ahead of the C library's allocator.
        .target(name: "CAllocator", linkerSettings: [.linkedLibrary("jemalloc")]),

        // The operators' messages: one catalogue, in Chinese and English, chosen by the locale.
        .target(name: "Messages", swiftSettings: strict),

        // Vocabulary shared by both sides: calendar dates and the snapshot's enumerations.
        .target(name: "CreditVocabulary", swiftSettings: strict),

        // China's working days: statutory holidays and 调休, 2019-2026, extensible by sites.
        .target(name: "WorkingDays", dependencies: ["CreditVocabulary"], swiftSettings: strict),

        // Raw snapshot rows (may hold personal data) and their validation.
        .target(name: "SnapshotModel", dependencies: ["CreditVocabulary", "StableDigest", "Messages"], swiftSettings: strict),
        // A value computed on another thread (the second core of a small server).
        .target(name: "BackgroundWork", swiftSettings: strict),

        .target(
            name: "SnapshotReader",
            dependencies: [
                "SnapshotModel", "BackgroundWork", "Messages", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict),

        // Pure logic: who sees which row on which day.
        .target(name: "DisclosurePolicy", dependencies: ["SnapshotModel", "WorkingDays", "Messages"], swiftSettings: strict),

        // A digest of any Encodable value that is the same on every run (cache keys).
        .target(
            name: "StableDigest", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),

        // Pure logic: the only producer of publishable text.
        .target(
            name: "Redaction",
            dependencies: ["SnapshotModel", "StableDigest", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),

        // Rendering side: sees redacted types only.
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "Redaction"], swiftSettings: strict),
        .target(
            name: "PageModel",
            dependencies: ["Redaction", "Markdown", "CreditVocabulary", "JSONText"],
            swiftSettings: strict),
        .target(
            name: "SiteRender",
            dependencies: ["PageModel", "Markdown", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict),

        // The static search index: tokenizer, index writer, and the query engine the client mirrors.
        .target(
            name: "SearchIndex", dependencies: ["Redaction", "CreditVocabulary", "JSONText", "ByteCoding", "StableDigest"],
            swiftSettings: strict),

        // JSON string literals for the files written in bulk (manifest, search index, report).
        .target(name: "JSONText", swiftSettings: strict),

        // Site folder: site.toml, content/, layouts/.
        .target(
            name: "SiteConfig",
            dependencies: [
                "CreditVocabulary", "Redaction", "DisclosurePolicy", "WorkingDays", "Messages",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict),

        // Output folder: staging, atomic swap.
        .target(
            name: "SiteOutput",
            dependencies: [
                "CAtomicRename", "StableDigest", "JSONText", "BackgroundWork", "Messages",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),

        // `gongshi publish`: the built site to the web host (rsync over SSH, an object store),
        // and the check over HTTP that the host serves it.
        .target(name: "Publication", dependencies: ["SiteOutput", "StableDigest", "Messages"], swiftSettings: strict),

        // A compact binary encoding: LEB128 integers, length-prefixed strings.
        .target(name: "ByteCoding", swiftSettings: strict),

        // What a build keeps of its pages for the next one (incremental builds).
        .target(
            name: "PageCache",
            dependencies: [
                "CreditVocabulary", "SnapshotModel", "Redaction", "SearchIndex", "SiteRender", "SiteOutput", "ByteCoding",
                "StableDigest", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),

        // Orchestration, audit and the demo snapshot.
        .target(
            name: "BuildPipeline",
            dependencies: [
                "SnapshotReader", "DisclosurePolicy", "Redaction", "PageModel", "SiteRender",
                "SiteConfig", "SiteOutput", "Audit", "WorkingDays", "SearchIndex", "PageCache", "StableDigest",
                "JSONText", "BackgroundWork", "Messages", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // `gongshi preview`: the reviewers' local server (Hummingbird); never writes output.
        .target(
            name: "PreviewServer",
            dependencies: [
                "BuildPipeline", "Redaction", "SnapshotModel", "CreditVocabulary", "Markdown", "SiteOutput", "JSONText", "Messages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict),
        .target(
            name: "Audit",
            dependencies: ["SnapshotReader", "DisclosurePolicy", "Redaction", "SiteConfig", "SearchIndex", "Messages"],
            swiftSettings: strict),
        .target(
            name: "DemoSnapshot",
            dependencies: ["CreditVocabulary", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .executableTarget(
            name: "gongshi",
            dependencies: [
                "BuildPipeline", "Audit", "DemoSnapshot", "SnapshotReader", "PreviewServer", "CAllocator", "SiteOutput", "SiteConfig", "Publication", "Messages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // `make bench`: a plain release-mode runner that prints a table.
        .executableTarget(
            name: "gongshi-bench",
            dependencies: ["DemoSnapshot", "SearchIndex", "SiteOutput", "CreditVocabulary", "Redaction", "SnapshotModel",
                           "SnapshotReader", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),

        .testTarget(
            name: "GongshiTests",
            dependencies: [
                "CreditVocabulary", "SnapshotModel", "SnapshotReader", "DisclosurePolicy", "Redaction",
                "Markdown", "PageModel", "SiteRender", "SiteConfig", "SiteOutput", "BuildPipeline",
                "Audit", "DemoSnapshot", "WorkingDays", "SearchIndex", "PreviewServer", "PageCache", "StableDigest", "JSONText", "CAllocator", "Publication", "Messages", "BackgroundWork", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
    ]
)
