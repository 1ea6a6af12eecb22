// swift-tools-version:5.9
// An example Rehearse analyzer plugin in Swift. Build: swift build -c release --package-path Examples/analyzers/client-voice
import PackageDescription

let package = Package(
    name: "client-voice",
    targets: [.executableTarget(name: "client-voice")]
)
