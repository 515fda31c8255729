// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "gradbook",
    products: [
        .library(name: "Autodiff", targets: ["Autodiff"]),
        .library(name: "GraphSpec", targets: ["GraphSpec"]),
        .executable(name: "gradbook", targets: ["gradbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "Autodiff",
            dependencies: ["CBLAS"],
            // The engine runs training loops of 10,000 steps in the tests and the
            // lectures: it is optimized in debug builds too, and built without
            // dynamic exclusivity checks (they cost 30 % of a small graph's step).
            swiftSettings: [
                .unsafeFlags(["-enforce-exclusivity=unchecked"]),
                .unsafeFlags(["-O"], .when(configuration: .debug)),
            ]
        ),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "Diagnostics"),
        .target(name: "GraphSpec", dependencies: ["Autodiff", "Diagnostics"]),
        .target(name: "Workbook", dependencies: ["CCmark", "GraphSpec", "Diagnostics", "Autodiff"]),
        .target(name: "Render", dependencies: ["CGraphviz", "Workbook", "GraphSpec", "Diagnostics", "Autodiff"]),
        .executableTarget(
            name: "gradbook",
            dependencies: [
                "GraphSpec", "Diagnostics", "Autodiff", "Workbook", "Render",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "gradbook-bench",
            dependencies: ["Autodiff", "GraphSpec"],
            path: "Benchmarks",
            exclude: ["peers", "driver", "run.py", "results.md"]
        ),
        .testTarget(
            name: "GraphSpecTests",
            dependencies: ["GraphSpec", "Diagnostics", "Autodiff"],
            exclude: ["Bad"]  // the bad-spec corpus, read by the tests from their own folder
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "GraphSpec", "Diagnostics"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Workbook", "GraphSpec"]),
        .testTarget(name: "LectureTests", dependencies: ["Workbook"]),
        .testTarget(name: "gradbookTests", dependencies: ["gradbook", "GraphSpec"]),
        .testTarget(
            name: "AutodiffTests",
            dependencies: [
                "Autodiff",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
