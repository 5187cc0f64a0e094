// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "maqal",
    products: [
        .library(name: "Maqal", targets: ["Maqal"]),
        .executable(name: "maqal", targets: ["MaqalCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Maqal",
            dependencies: ["CLibXML2", "CZlib"]
        ),
        .executableTarget(
            name: "MaqalCLI",
            dependencies: [
                "Maqal",
                // Only for glibc's malloc settings (ParseArena.h), which Swift's Glibc module leaves out.
                "CLibXML2",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MaqalTests",
            dependencies: ["Maqal", "CZlib"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The DocC plugin only for `make docs` (MAQAL_DOCS=1), so ordinary builds, tests and CI resolve
// nothing more than the library needs.
if ProcessInfo.processInfo.environment["MAQAL_DOCS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
