import FoundationEssentials

/// Finds the bundled scenarios when no file is named on the command line.
enum ScenarioLocator {
    static let defaultScenario = "quick-start.xml"

    /// Looks in `$REHEARSE_SCENARIOS`, then beside the executable (`share/rehearse/scenarios`, or a
    /// `Scenarios` folder in it or any folder above, which covers `swift run` in a checkout), then in
    /// `./Scenarios`, then in the checkout the binary was built from.
    static func defaultScenarioPath() -> String? {
        bundledScenarioPath(named: defaultScenario)
    }

    /// A bundled scenario by name (`clinician-behavioral`, or with `.xml`), from the first folder that has one.
    static func bundledScenarioPath(named name: String) -> String? {
        let file = name.hasSuffix(".xml") ? name : name + ".xml"
        return candidates().map { $0.appendingPathComponent(file) }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The names of the bundled scenarios in the first folder that has the default one.
    static func bundledNames() -> [String] {
        guard let path = defaultScenarioPath() else { return [] }
        let folder = path.deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The folders `rehearse scenarios` lists: `$REHEARSE_SCENARIOS`, then the bundled one (the
    /// first other folder with the default scenario), each once.
    static func listedFolders() -> [(label: String, path: String)] {
        var folders: [(String, String)] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["REHEARSE_SCENARIOS"], !fromEnvironment.isEmpty {
            folders.append(("Your scenarios, from REHEARSE_SCENARIOS", fromEnvironment))
        }
        let bundled = candidates().dropFirst(folders.count).first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(defaultScenario)) }
        if let bundled, !folders.contains(where: { URL(fileURLWithPath: $0.1).standardizedFileURL == URL(fileURLWithPath: bundled).standardizedFileURL }) {
            folders.append(("Bundled scenarios", bundled))
        }
        return folders
    }

    static func candidates() -> [String] {
        var folders: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["REHEARSE_SCENARIOS"], !fromEnvironment.isEmpty {
            folders.append(fromEnvironment)
        }
        // The program's own file, wherever it was run from: argv[0] is only "rehearse" when PATH found it.
        let program = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: program).resolvingSymlinksInPath().deletingLastPathComponent()
        folders.append(directory.deletingLastPathComponent().appendingPathComponent("share/rehearse/scenarios").path)
        while directory.path != "/" {
            folders.append(directory.appendingPathComponent("Scenarios").path)
            directory.deleteLastPathComponent()
        }
        folders.append(FileManager.default.currentDirectoryPath + "/Scenarios")
        // A build made elsewhere (--scratch-path) still finds the checkout's scenarios.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(checkout.appendingPathComponent("Scenarios").path)
        return folders
    }
}
