// swift-tools-version:6.0
// The speed and memory harness, kept in its own package so it never slows the main build or CI.
// `make bench` links `../.build-bench/maqal` to the repository root first, which gives the
// dependency a stable identity whatever the checkout folder is called.
import PackageDescription

let package = Package(
    name: "maqal-benchmarks",
    dependencies: [
        .package(path: "../.build-bench/maqal"),
    ],
    targets: [
        .target(name: "AllocationCounter"),
        .executableTarget(
            name: "maqal-bench",
            dependencies: [.product(name: "Maqal", package: "maqal"), "AllocationCounter"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
