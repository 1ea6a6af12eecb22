import ArgumentParser
import FoundationEssentials
import InterviewKit
import SystemIO

extension Rehearse {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Start a new scenario: a valid, commented file to edit.",
            discussion: "The file lints clean as it is; replace the questions with your own and run `rehearse lint` as you go.")

        @Option(help: "The job the candidate is interviewing for, e.g. \"Peer support specialist\".")
        var role: String

        @Option(help: "The scenario's id (default: made from the role).")
        var id: String?

        @Option(help: "The title shown in the header (default: the role, behavioral round).")
        var title: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output; it must not exist yet.", valueName: "path"))
        var output: String?

        func validate() throws {
            if role.trimmingBlanks.isEmpty { throw ValidationError("--role needs some text, e.g. --role \"Peer support specialist\"") }
        }

        func run() throws {
            try reportingFailures {
                let identifier = id ?? ScenarioTemplate.identifier(from: role)
                let text = ScenarioTemplate.text(id: identifier, role: role, title: title ?? "\(role): behavioral round")
                guard let output else {
                    print(text, terminator: "")
                    return
                }
                guard !FileManager.default.fileExists(atPath: output) else {
                    throw CommandFailure(message: "\(output) already exists; choose another name (nothing was written)", code: ExitCode(73))
                }
                try FileWriting.write(text.utf8, to: output, mode: .newFile)
                print("Wrote \(output). Next: edit it, then `rehearse lint \(output)` and `rehearse run \(output)`.")
            }
        }
    }
}

/// The scaffold `rehearse new` writes.
enum ScenarioTemplate {
    static func identifier(from role: String) -> String {
        let words = role.lowercased().split { !$0.isLetter && !$0.isNumber }
        let joined = words.joined(separator: "-")
        return joined.first?.isLetter == true ? joined : "scenario-" + joined
    }

    static func escape(_ text: String) -> String {
        text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll("\"", with: "&quot;")
    }

    static func text(id: String, role: String, title: String) -> String {
        let role = escape(role)
        let title = escape(title)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!--
              A Rehearse scenario. The format is described in docs/scenario-format.md; the schema named
              below lets an editor with an XML extension check and complete this file as you type.
              Check it with `rehearse lint THIS-FILE`, try it with `rehearse run THIS-FILE`.
            -->
            <interview xmlns="urn:rehearse:scenario:1"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="urn:rehearse:scenario:1 schema/interview.xsd"
                       id="\(id)" version="0.1" max-probes="2">
              <title>\(title)</title>
              <role>\(role)</role>
              <description>What this interview practises, in a sentence or two.</description>
              <opening>Thanks for coming in today. I'll ask a few questions and may follow up on your answers.</opening>
              <closing>That's all my questions. Thank you for your time.</closing>

              <!-- Competencies: what the interview looks for. Cues are words or phrases that show it;
                   they match whole words in any common form ("listen" also matches "listened"). -->
              <competencies>
                <competency id="engagement" label="Engaging people">
                  <cue>rapport</cue>
                  <cue>listened</cue>
                  <cue>trust</cue>
                </competency>
              </competencies>

              <questions>
                <!-- A behavioral question: "Tell me about a time…". Several <ask> give variety;
                     the seed chooses one per interview. -->
                <question id="hard-conversation" kind="behavioral" assesses="engagement">
                  <ask>Tell me about a time you had a difficult conversation with someone you were supporting.</ask>
                  <ask>Describe a conversation at work that was hard to have. What happened?</ask>
                  <hint>One person, one conversation: what was going on, what you said or did, and how it ended.</hint>

                  <!-- Probes: follow-ups asked when their condition holds for everything said so far.
                       `followup` is what the analyzers recommend: example, action, result or situation. -->
                  <probe id="hard-conversation-example" when="followup == 'example'">
                    <ask>Can you think of one particular time? Walk me through it.</ask>
                  </probe>
                  <probe id="hard-conversation-own-part" when="followup == 'action'">
                    <ask>What did you yourself say or do?</ask>
                  </probe>
                  <probe id="hard-conversation-outcome" when="followup == 'result'">
                    <ask>How did it turn out?</ask>
                  </probe>
                  <probe id="hard-conversation-context" when="followup == 'situation'">
                    <ask>Set the scene for me: who was it, and what was going on?</ask>
                  </probe>

                  <!-- Branches: tried in order when the question is done. A weak answer (at most one
                       STAR part) leads to a gentler question; otherwise document order goes on. -->
                  <next when="star.score &lt;= 1" goto="hard-conversation-again"/>
                </question>

                <!-- branch-only: reached through a <next goto>, skipped in document order. -->
                <question id="hard-conversation-again" kind="behavioral" assesses="engagement" branch-only="true" max-probes="1">
                  <ask>Let's try a smaller moment: a time someone was upset with you. What did you do first?</ask>
                  <hint>It can be brief: a phone call, a hallway conversation, a first meeting.</hint>
                  <probe id="again-outcome" when="star.action and not star.result">
                    <ask>And what happened next?</ask>
                  </probe>
                </question>

                <!-- A goals question: the smart analyzer reads it (specific, measurable, time-bound). -->
                <question id="next-step" kind="goals">
                  <ask>What is one professional goal you are working toward this year?</ask>
                  <probe id="next-step-when" when="smart.specific and not smart.time_bound">
                    <ask>By when would you like to reach it?</ask>
                  </probe>
                  <end/>
                </question>
              </questions>
            </interview>

            """
    }
}
