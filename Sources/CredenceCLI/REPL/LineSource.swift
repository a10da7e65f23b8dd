import Foundation

/// Where the REPL's lines come from: readline on a terminal, plain stdin from a pipe, or a script in tests.
public protocol LineSource: AnyObject {
    /// The next line, without its newline; nil at the end (Ctrl-D, end of file).
    func readLine(prompt: String) -> String?
    /// Called after a line has been handled, so a terminal source can keep history.
    func remember(_ line: String)
    /// Called when the session ends.
    func finish()
}

extension LineSource {
    public func finish() {}
}

/// Lines from a non-terminal stdin: no prompt, no echo, no history.
public final class PlainLineSource: LineSource {
    public init() {}
    public func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    public func remember(_ line: String) {}
}

/// Lines given up front, for tests.
public final class ScriptedLineSource: LineSource {
    private var lines: [String]
    public private(set) var prompts: [String] = []
    public private(set) var remembered: [String] = []
    public init(_ lines: [String]) { self.lines = lines }
    public func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return lines.isEmpty ? nil : lines.removeFirst()
    }
    public func remember(_ line: String) { remembered.append(line) }
}
