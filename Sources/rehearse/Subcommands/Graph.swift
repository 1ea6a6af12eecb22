import ArgumentParser
import Foundation
import InterviewKit

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
                let data: Data
                switch chosen {
                case .dot: data = Data(graph.dot.utf8)
                case .mermaid: data = Data(graph.mermaid.utf8)
                case .svg: data = try svg(graph.dot)
                }
                if let output {
                    do {
                        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
                    } catch {
                        throw CommandFailure.io("cannot write \(output): \(error.localizedDescription)")
                    }
                } else if !writeAll(data, to: STDOUT_FILENO) {
                    throw CommandFailure.io("cannot write the graph to standard output: \(String(cString: strerror(errno)))")
                }
            }
        }

        private func svg(_ dot: String) throws -> Data {
            guard let path = UserPaths.program("dot") else {
                throw CommandFailure(message: "drawing SVG needs Graphviz's dot, which is not installed (apt-get install graphviz); or use --format dot or --format mermaid", code: ExitCode(69))
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-Tsvg"]
            let input = Pipe()
            let output = Pipe()
            let errors = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // dot reads its whole input before it draws; if it dies first, its message says why, not a SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            writeAll(Data(dot.utf8), to: input.fileHandleForWriting.fileDescriptor)
            try? input.fileHandleForWriting.close()
            let svg = output.fileHandleForReading.readDataToEndOfFile()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CommandFailure.io("dot failed: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            return svg
        }
    }
}
