// swift-tools-version:6.1
import PackageDescription

// The benchmarks live in their own package so that `swift build` and `swift test` of the
// root package never build the benchmark dependencies. Run them with
//     swift package --package-path Benchmarks benchmark
// (see Benchmarks/README.md).
let package = Package(
    name: "DossierBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Dossier", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Fixtures shared by the benchmark executables: the seed profile, a site to render
        // with, and a handbook model of N profiles.
        .target(
            name: "DossierBenchSupport",
            dependencies: [.product(name: "DossierPipeline", package: "Dossier")]
        ),
        // Draws diagrams with Dossier's own layout and with dot, for compare_layouts.py.
        .executableTarget(
            name: "CompareLayouts",
            dependencies: [.product(name: "DossierPipeline", package: "Dossier")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// One executable per benchmark suite, in the package-benchmark layout:
// Benchmarks/<Name>/<Name>.swift.
for name in ["Extraction", "Markdown", "DiagramLayout", "PageRendering", "SearchIndexBuild", "ExportJSON"] {
    package.targets.append(.executableTarget(
        name: name,
        dependencies: [
            "DossierBenchSupport",
            .product(name: "DossierPipeline", package: "Dossier"),
            .product(name: "Benchmark", package: "benchmark"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ))
}
