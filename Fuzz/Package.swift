// swift-tools-version:6.0
// libFuzzer targets for maqal, kept in their own package so the main build and CI never build
// fuzz code. `make fuzz` and `make fuzz-text` (Fuzz/fuzz.mk) build and run them:
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c debug --product FuzzParse \
//     -Xswiftc -sanitize=fuzzer,address
// (no -parse-as-library: each main.swift hands the process to libFuzzer, see FuzzDriver.h).
import PackageDescription

// The main package is "..": SwiftPM names a local package after its folder, whatever the
// checkout is called.
let mainPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "maqal"

let package = Package(
    name: "maqal-fuzz",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzParse",
            dependencies: ["FuzzDriver", .product(name: "Maqal", package: mainPackage)]
        ),
        .executableTarget(
            name: "FuzzReaders",
            dependencies: ["FuzzDriver", .product(name: "Maqal", package: mainPackage)]
        ),
        .executableTarget(
            name: "FuzzText",
            dependencies: ["FuzzDriver", .product(name: "Maqal", package: mainPackage)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
