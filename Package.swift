// swift-tools-version:6.0
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
