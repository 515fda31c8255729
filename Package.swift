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
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        // OpenBLAS's header only: Autodiff opens the library itself when it first needs it.
        .systemLibrary(
            name: "CBLAS",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // glibc's vector math (libmvec, part of libc6): the softmax loss's exp and log.
        .systemLibrary(name: "CVectorMath"),
        .target(
            name: "Autodiff",
            dependencies: ["CBLAS", "CVectorMath"],
            // The engine runs training loops of 10,000 steps in the tests and the
            // lectures: it is optimized in debug builds too, and built without
            // dynamic exclusivity checks (they cost 30 % of a small graph's step).
            swiftSettings: [
                .unsafeFlags(["-enforce-exclusivity=unchecked"]),
                .unsafeFlags(["-O"], .when(configuration: .debug)),
                // AVX2 (every x86-64 server since 2013): entry-by-entry loops
                // run 4 doubles wide instead of 2. No FMA contraction happens
                // without fast-math, so every figure stays bit-identical.
                .unsafeFlags(["-target-cpu", "haswell"]),
            ]
        ),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .target(name: "Diagnostics"),
        .target(name: "GraphSpec", dependencies: ["Autodiff", "Diagnostics"]),
        .target(name: "Workbook", dependencies: ["CCmark", "GraphSpec", "Diagnostics", "Autodiff"]),
        .target(name: "Render", dependencies: ["CGraphviz", "Workbook", "GraphSpec", "Diagnostics", "Autodiff"]),
        .executableTarget(
            name: "gradbook",
            dependencies: [
                "GraphSpec", "Diagnostics", "Autodiff", "Workbook", "Render", "CZlib", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What `gradbook serve` serves the pages with, a process of its own: FlyingFox
        // needs FoundationNetworking and with it curl's 30 shared libraries, which
        // would cost every gradbook process 7 ms of its start (PageServer.swift).
        .executableTarget(
            name: "gradbook-http",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "gradbook-bench",
            dependencies: ["Autodiff", "GraphSpec", "Workbook"],
            path: "Benchmarks",
            exclude: ["peers", "driver", "run.py", "results.md"]
        ),
        // libFuzzer harnesses (`make fuzz`); a normal build makes replayers of their inputs.
        .executableTarget(name: "fuzz-spec", dependencies: ["GraphSpec", "Diagnostics"], path: "Fuzz/Spec"),
        .executableTarget(name: "fuzz-lecture", dependencies: ["Workbook", "Render", "GraphSpec", "Diagnostics"], path: "Fuzz/Lecture"),
        .testTarget(
            name: "GraphSpecTests",
            dependencies: ["GraphSpec", "Diagnostics", "Autodiff"],
            exclude: ["Bad", "FuzzRegressions"]  // the bad-spec corpus and the fuzzer's findings, read by the tests
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "GraphSpec", "Diagnostics"]),
        .testTarget(
            name: "RenderTests",
            dependencies: [
                "Render", "Workbook", "GraphSpec",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["FuzzRegressions"]  // the fuzzer's findings, read by the tests
        ),
        .testTarget(name: "LectureTests", dependencies: ["Workbook"]),
        .testTarget(
            name: "gradbookTests",
            dependencies: ["gradbook", "gradbook-http", "GraphSpec"],
            exclude: ["BadLectures"]  // the bad-lecture corpus, run through the real executable
        ),
        // The pages in headless Chromium; they build the course with the gradbook executable.
        .testTarget(name: "BrowserTests", dependencies: ["gradbook", "Workbook", "Autodiff"]),
        .testTarget(
            name: "AutodiffTests",
            dependencies: ["Autodiff"]
        ),
    ]
)
