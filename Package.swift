// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "gradbook",
    products: [
        .library(name: "Autodiff", targets: ["Autodiff"])
    ],
    dependencies: [
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1")
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
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .executableTarget(
            name: "gradbook-bench",
            dependencies: ["Autodiff"],
            path: "Benchmarks"
        ),
        .testTarget(
            name: "AutodiffTests",
            dependencies: [
                "Autodiff",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
