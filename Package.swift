// swift-tools-version:6.1
import PackageDescription

// Targets depend one way, top to bottom (see README "Architecture"):
// CCMarkGFM ← DossierMarkdown ← DossierModel ← DossierExtract ← DossierRender ← DossierSite ← DossierServe ← DossierCLI ← dossier
// DossierCore (diagnostics, text decoding, slugs) sits under all of them; DossierMustache (the
// template renderer) depends on nothing and sits under DossierRender.
let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // The pipeline as libraries, for the benchmarks package in Benchmarks/.
        .library(name: "DossierPipeline", targets: [
            "DossierCore", "DossierMarkdown", "DossierModel", "DossierExtract", "DossierDiagrams",
            "DossierGraphviz", "DossierHighlight", "DossierRender", "DossierSite",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Only for DossierMustacheTests: the renderer Dossier's own (DossierMustache) must match.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph through Hummingbird; named so serve can use ServiceGroup and
        // graceful shutdown (Hummingbird does not re-export them).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "DossierCore"),
        .target(name: "DossierMarkdown", dependencies: ["CCMarkGFM", "DossierCore"]),
        .target(name: "DossierModel", dependencies: ["DossierCore"]),
        .target(
            name: "DossierExtract",
            dependencies: ["DossierCore", "DossierMarkdown", "DossierModel", "DossierDiagrams", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "DossierDiagrams", dependencies: ["DossierCore", "DossierModel"]),
        .target(name: "DossierGraphviz", dependencies: ["CGraphviz", "DossierCore", "DossierModel"]),
        .target(name: "DossierHighlight"),
        .target(name: "DossierMustache"),
        .target(
            name: "DossierRender",
            dependencies: [
                "DossierCore", "DossierMarkdown", "DossierModel", "DossierExtract", "DossierDiagrams", "DossierGraphviz",
                "DossierHighlight", "DossierMustache",
            ],
            plugins: ["EmbedTemplates"]
        ),
        .target(
            name: "DossierSite",
            dependencies: [
                "DossierCore", "DossierMarkdown", "DossierModel", "DossierExtract", "DossierRender", "DossierGraphviz",
                .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "DossierServe",
            dependencies: [
                "DossierCore", "DossierSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "DossierCLI",
            dependencies: [
                "DossierCore", "DossierSite", "DossierServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"]),

        // Build tooling: embeds the repository's templates/ folder in the binary, so the
        // built-in templates are the files in templates/ and cannot drift from them.
        .executableTarget(name: "dossier-embed", path: "Tools/dossier-embed"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["dossier-embed"]),

        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
        .testTarget(name: "DossierMarkdownTests", dependencies: ["DossierMarkdown", "DossierCore"]),
        .testTarget(name: "DossierExtractTests", dependencies: ["DossierExtract", "DossierModel", "DossierMarkdown", "DossierCore"], exclude: ["Golden"]),
        .testTarget(name: "DossierDiagramsTests", dependencies: ["DossierDiagrams", "DossierModel", "DossierCore", "DossierTestSupport"]),
        .testTarget(name: "DossierGraphvizTests", dependencies: ["DossierGraphviz", "DossierModel", "DossierCore"]),
        // swift-mustache renders the same templates in these tests, as the reference.
        .testTarget(name: "DossierMustacheTests", dependencies: ["DossierMustache", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "DossierHighlightTests", dependencies: ["DossierHighlight", "DossierTestSupport"]),
        .target(name: "DossierTestSupport", path: "Tests/DossierTestSupport"),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "DossierTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "DossierSiteTests", dependencies: ["DossierSite", "DossierRender", "DossierCore", "DossierTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DossierServeTests", dependencies: [
            "DossierServe", "DossierSite", "DossierCore",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
