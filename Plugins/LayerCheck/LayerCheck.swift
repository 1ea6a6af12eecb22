import PackagePlugin

/// Fails the build when a library target imports a module its layer may not: its declared target
/// dependencies, plus the system modules `systemModules` grants it, and nothing else. The package
/// graph already stops a lower layer from importing a higher one (a cycle); this also keeps the
/// system out of the layers that must not touch it (no Glibc, Foundation or libxml2 in the core,
/// the text layer or the analyzers), whatever happens to be built alongside.
@main
struct LayerCheck: BuildToolPlugin {
    /// What each layer may import besides its dependencies. docs/architecture.md shows the same.
    static let systemModules: [String: [String]] = [
        "InterviewCore": ["Synchronization"],
        "BuiltInAnalyzers": ["Synchronization"],
        "SystemIO": ["Glibc", "Musl", "Darwin", "Synchronization"],
        "ScenarioXML": ["Glibc", "Synchronization"],
        "AnalyzerPlugins": ["Glibc", "Musl", "FoundationEssentials", "Synchronization"],
        "Transcripts": ["Glibc", "FoundationEssentials"],
        "History": ["Glibc", "FoundationEssentials", "Synchronization"],
        "InterviewKit": ["FoundationEssentials", "Synchronization"],
        "WebFront": ["FoundationEssentials", "Synchronization"],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget, let system = Self.systemModules[target.name] else {
            throw LayerCheckError("\(target.name) has no entry in LayerCheck.systemModules; add one saying what it may import")
        }
        var allowed = ["Swift"] + system
        for dependency in target.dependencies {
            switch dependency {
            case .target(let other): allowed.append(other.name)
            case .product(let product): allowed += product.targets.map(\.name)
            @unknown default: break
            }
        }
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
        let stamp = context.pluginWorkDirectoryURL.appending(path: "\(target.name)ImportsChecked.swift")
        return [
            .buildCommand(
                displayName: "Checking what \(target.name) imports",
                executable: try context.tool(named: "layer-check").url,
                arguments: [target.name, stamp.path(), allowed.joined(separator: ",")] + sources.map { $0.path() },
                inputFiles: sources,
                outputFiles: [stamp])
        ]
    }
}

struct LayerCheckError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
