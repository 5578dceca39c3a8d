// swift-tools-version:6.0
// Referee — a symbolic-numeric derivation checker. Layers (docs/ARCHITECTURE.md):
//   Symbolic ← Grassmann ← Keldysh ← Verify ← referee
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Referee",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "referee", targets: ["referee"]),
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .library(name: "Verify", targets: ["Verify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries (Debian: libgmp-dev, libmpfr-dev, liblapacke-dev + libopenblas-dev, libcairo2-dev).
        .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "CMPFR", pkgConfig: "mpfr", providers: [.apt(["libgmp-dev", "libmpfr-dev"])]),
        .systemLibrary(name: "CLAPACK", pkgConfig: "lapacke", providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]),
        // Figures: PNG, PDF and SVG from one drawing (Debian: libcairo2-dev).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),

        .target(name: "Symbolic", dependencies: ["CGMP", "CMPFR"], swiftSettings: strict),
        .target(name: "Grassmann", dependencies: ["Symbolic", "CLAPACK"], swiftSettings: strict),
        .target(name: "Keldysh", dependencies: ["Symbolic", "Grassmann"], swiftSettings: strict),
        .target(name: "Plot", dependencies: ["CCairo"], swiftSettings: strict),
        .target(name: "Verify", dependencies: ["Symbolic", "Grassmann", "Keldysh", "Plot"], swiftSettings: strict),
        .executableTarget(
            name: "referee",
            dependencies: ["Verify", "Symbolic", "Grassmann", "Keldysh", "Plot", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        .executableTarget(name: "referee-fuzz", dependencies: ["Verify", "Symbolic"],
                          path: "Fuzz/referee-fuzz", swiftSettings: strict),
        .executableTarget(name: "referee-bench", dependencies: ["Verify", "Symbolic", "Grassmann", "Keldysh"],
                          path: "Benchmarks/referee-bench", swiftSettings: strict),

        .testTarget(name: "SymbolicTests", dependencies: ["Symbolic"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "GrassmannTests", dependencies: ["Grassmann"], swiftSettings: strict),
        .testTarget(name: "KeldyshTests", dependencies: ["Keldysh"], swiftSettings: strict),
        .testTarget(name: "PlotTests", dependencies: ["Plot"], swiftSettings: strict),
        .testTarget(name: "VerifyTests", dependencies: ["Verify"], swiftSettings: strict),
        .testTarget(name: "RefereeTests", dependencies: ["referee"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
