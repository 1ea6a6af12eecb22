import ArgumentParser
import FoundationEssentials
import Glibc
import InterviewKit
import SystemIO

extension Rehearse {
    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "graph",
            abstract: "Draw a scenario's state machine: questions, probes with their conditions, branches, the end.",
            discussion: "SVG is drawn by Graphviz's dot (apt-get install graphviz); DOT and Mermaid text need nothing.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case dot, mermaid, svg
        }

        @Argument(help: "A scenario file.")
        var file: String

        @Option(help: "dot, mermaid or svg (default: svg when --output ends in .svg, otherwise dot).")
        var format: Format?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
        var output: String?

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            try reportingFailures {
                let scenario = try ScenarioFile.load(path: file, analyzers: try analyzerOptions.resolve()).scenario
                let graph = ScenarioGraph(scenario)
                let chosen = format ?? (output?.hasSuffix(".svg") == true ? .svg : .dot)
                let data: [UInt8]
                switch chosen {
                case .dot: data = Array(graph.dot.utf8)
                case .mermaid: data = Array(graph.mermaid.utf8)
                case .svg: data = try svg(graph.dot)
                }
                if let output {
                    try FileWriting.write(data, to: output, mode: .atomic)
                } else if !writeAll(data, to: STDOUT_FILENO) {
                    throw CommandFailure.io("cannot write the graph to standard output: \(String(cString: strerror(errno)))")
                }
            }
        }

        private func svg(_ dot: String) throws -> [UInt8] {
            guard let path = UserPaths.program("dot") else {
                throw CommandFailure(message: "drawing SVG needs Graphviz's dot, which is not installed (apt-get install graphviz); or use --format dot or --format mermaid", code: ExitCode(69))
            }
            let result: ProcessSpawner.Finished
            do {
                result = try ProcessSpawner.run(path, ["-Tsvg"], input: Array(dot.utf8))
            } catch {
                throw CommandFailure.io("\(error)")
            }
            guard result.exit == .exited(0) else {
                throw CommandFailure.io("dot failed: \(String(decoding: result.errors, as: UTF8.self).trimmed)")
            }
            return result.output
        }
    }
}
