// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rehearse",
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
        .library(name: "InterviewKit", targets: ["InterviewKit"]),
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
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "InterviewKit",
            dependencies: ["CLibXML2"]
        ),
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "InterviewKit",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rehearse-bench",
            dependencies: ["InterviewKit", "CLibXML2", "rehearse-peak"]
        ),
        // A small C helper that measures another program's peak memory on a clean slate.
        .executableTarget(name: "rehearse-peak"),
        .testTarget(
            name: "InterviewKitTests",
            dependencies: ["InterviewKit", "CLibXML2"]
        ),
        .testTarget(
            name: "RehearseTests",
            dependencies: ["InterviewKit", "rehearse"],
            exclude: ["Fixtures"]
        ),
    ]
)
