import ArgumentParser
import Foundation
import Testing

@testable import CredenceCLI

/// Every example in the README and in `--help` survives the shell as printed: no `#tag` that bash
/// and fish drop as a comment, no unquoted ( ) ; & | < > $ ` * ? ! that the shell would act on;
/// and a help example is short enough that the help is not wrapped in the middle of a command.
@Suite struct ExampleTests {
    /// What the shell would do to a line that isn't literally passed on: nil if it is safe.
    static func shellProblem(_ line: String) -> String? {
        var quote: Character?
        var previous: Character = " "
        var spaces = 0
        for ch in line {
            defer {
                spaces = ch == " " && quote == nil ? spaces + 1 : 0
                previous = ch
            }
            if let q = quote {
                if ch == q { quote = nil }
                continue
            }
            if ch == "'" || ch == "\"" {
                quote = ch
                continue
            }
            if ch == "#" && previous == " " {
                // "  # note" is a comment the reader can see; "#work" is a tag the shell throws away.
                return spaces >= 2 ? nil : "an unquoted #word is a comment to the shell"
            }
            if "();&|<>$`*?!".contains(ch) { return "an unquoted \(ch)" }
        }
        return quote == nil ? nil : "an unclosed quote"
    }

    static var readmeExamples: [String] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return [] }
        var inBlock = false
        var examples: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock.toggle()
                continue
            }
            guard inBlock else { continue }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("$ credence ") { examples.append(String(trimmed.dropFirst(2))) }
            if trimmed.hasPrefix("credence ") { examples.append(String(trimmed)) }
        }
        return examples
    }

    static var helpExamples: [String] {
        var commands: [any ParsableCommand.Type] = [Credence.self]
        var i = 0
        while i < commands.count {
            commands += commands[i].configuration.subcommands
            i += 1
        }
        return commands.flatMap { command in
            command.configuration.discussion.split(separator: "\n").map(String.init).filter {
                $0.hasPrefix("  credence ") || $0.hasPrefix("    --")
            }
        }
    }

    @Test func theReadmeHasExamples() { #expect(Self.readmeExamples.count > 10) }

    @Test(arguments: readmeExamples + helpExamples)
    func survivesTheShell(example: String) {
        #expect(Self.shellProblem(example) == nil, "\(example): \(Self.shellProblem(example) ?? "")")
    }

    @Test(arguments: helpExamples)
    func fitsEightyColumns(example: String) {
        // A line continued with \ is one command on several short lines.
        #expect(example.count <= 78, "\(example.count) columns: \(example)")
    }

    @Test func theCheckFindsTheProblems() {
        #expect(Self.shellProblem("credence add Ryan ships 70% #work") != nil)
        #expect(Self.shellProblem("credence add Ryan ships 70% +work") == nil)
        #expect(Self.shellProblem("credence add 'Ryan ships (soon)' 70%") == nil)
        #expect(Self.shellProblem("credence add Ryan ships (soon) 70%") != nil)
        #expect(Self.shellProblem("credence list   # every claim") == nil)
    }
}
