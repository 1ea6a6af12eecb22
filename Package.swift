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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
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
        // The layers, lowest first; each target's doc comment (its `Overview.swift`) says what it
        // holds. docs/architecture.md draws them.
        .target(name: "InterviewCore", plugins: ["LayerCheck"]),
        // The text layer (Text/) and the analyzers are one module: the analyzers read every token
        // through the text layer's small functions and option sets, which another module could not
        // inline or specialize (the analyzers ran 2–4× slower split in two; docs/performance.md).
        .target(name: "BuiltInAnalyzers", dependencies: ["InterviewCore"], plugins: ["LayerCheck"]),
        .target(name: "SystemIO", plugins: ["LayerCheck"]),
        .target(name: "ScenarioXML", dependencies: ["InterviewCore", "SystemIO", "CLibXML2"], plugins: ["LayerCheck"]),
        .target(name: "AnalyzerPlugins", dependencies: ["InterviewCore", "SystemIO"], plugins: ["LayerCheck"]),
        .target(name: "Transcripts", dependencies: ["InterviewCore", "BuiltInAnalyzers", "SystemIO"], plugins: ["LayerCheck"]),
        // The practice history: an SQLite index of the transcripts (GRDB), its queries and reports.
        .target(
            name: "History",
            dependencies: ["InterviewCore", "BuiltInAnalyzers", "SystemIO", "Transcripts", .product(name: "GRDB", package: "GRDB.swift")],
            plugins: ["LayerCheck"]
        ),
        .target(
            name: "InterviewKit",
            dependencies: ["InterviewCore", "BuiltInAnalyzers", "SystemIO", "ScenarioXML", "AnalyzerPlugins", "Transcripts", "History"],
            plugins: ["LayerCheck"]
        ),
        // The browser front (`rehearse serve`): HTTP routes, access control and the page, on
        // Hummingbird; it drives the same `InterviewSession` as the REPL.
        .target(
            name: "WebFront",
            dependencies: ["InterviewKit", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Assets")],
            plugins: ["LayerCheck"]
        ),
        // Checks, as part of every build, that each library target imports only what its layer may.
        .plugin(name: "LayerCheck", capability: .buildTool(), dependencies: ["layer-check"]),
        .executableTarget(name: "layer-check"),
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "InterviewKit",
                "WebFront",
                "SystemIO",
                "CLibEdit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rehearse-bench",
            dependencies: ["InterviewKit", "SystemIO", "CLibXML2", "rehearse-peak"]
        ),
        // Developer tool: trains the built-in analysis model from the labelled corpus.
        .executableTarget(
            name: "rehearse-train",
            dependencies: ["InterviewKit", "BuiltInAnalyzers", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // A small C helper that measures another program's peak memory on a clean slate.
        .executableTarget(name: "rehearse-peak"),
        .testTarget(
            name: "InterviewKitTests",
            dependencies: [
                "InterviewKit", "InterviewCore", "BuiltInAnalyzers", "SystemIO", "ScenarioXML", "AnalyzerPlugins",
                "Transcripts", "CLibXML2",
            ]
        ),
        .testTarget(
            name: "RehearseTests",
            dependencies: ["InterviewKit", "rehearse", "WebFront", .product(name: "HummingbirdTesting", package: "hummingbird")],
            exclude: ["Fixtures"]
        ),
    ]
)
