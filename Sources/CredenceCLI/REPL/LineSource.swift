import Foundation

/// Where the REPL's lines come from: readline on a terminal, plain stdin from a pipe, or a script in tests.
package protocol LineSource: AnyObject {
    /// The next line, without its newline; nil at the end (Ctrl-D, end of file).
    func readLine(prompt: String) -> String?
    /// Called after a line has been handled, so a terminal source can keep history.
    func remember(_ line: String)
    /// Called when the session ends.
    func finish()
}

extension LineSource {
    package func finish() {}
}

/// Lines from a non-terminal stdin: no prompt, no echo, no history.
package final class PlainLineSource: LineSource {
    package init() {}
    package func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    package func remember(_ line: String) {}
}

/// Lines given up front, for tests.
package final class ScriptedLineSource: LineSource {
    private var lines: [String]
    package private(set) var prompts: [String] = []
    package private(set) var remembered: [String] = []
    package init(_ lines: [String]) { self.lines = lines }
    package func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return lines.isEmpty ? nil : lines.removeFirst()
    }
    package func remember(_ line: String) { remembered.append(line) }
}
