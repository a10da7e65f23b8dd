import CredenceCLI
import Foundation
import Testing

/// Golden end-to-end cases: each file in Golden/ is a session of `// comments` and command lines with the exact
/// stdout, stderr (lines starting "! ") and exit status ("[exit N]" when not 0) they must give.
/// `@ advance N` moves the pinned clock N days; `$FIXTURES` in a command is the fixtures directory.
/// CREDENCE_UPDATE_GOLDEN=1 rewrites the files.
@Suite struct GoldenTests {
    static var files: [String] {
        let dir = Bundle.module.resourceURL!.appendingPathComponent("Golden")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".txt") }
            .sorted()
    }

    /// Every session on both engines: a team journal prints what a file prints, to the byte.
    @Test(arguments: files, TestPostgres.engines)
    func session(file: String, engine: TestEngine) throws {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Golden/\(file)")
        let expected = try String(contentsOf: url, encoding: .utf8)
        let actual = Self.replay(expected, engine: engine)
        if ProcessInfo.processInfo.environment["CREDENCE_UPDATE_GOLDEN"] == "1" {
            guard engine == .sqlite else { return }
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "Golden/\(file)")
            try actual.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == expected, "golden \(file) on \(engine) differs:\n\(Self.diff(expected, actual))")
    }

    /// Runs the command lines of a golden file and writes down what they did.
    static func replay(_ text: String, engine: TestEngine = .sqlite) -> String {
        let h = Harness(engine: engine)
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // "//" comments, not "#": command output may start with # (Markdown headings).
            if line.hasPrefix("//") || line.hasPrefix("@") || line.isEmpty && out.isEmpty {
                out += line + "\n"
                if line.hasPrefix("@ advance "), let days = Double(line.dropFirst(10)) { h.advance(days: days) }
                if line.hasPrefix("@ env "), let eq = line.firstIndex(of: "=") {
                    h.environment[String(line[line.index(line.startIndex, offsetBy: 6)..<eq])] = String(
                        line[line.index(after: eq)...])
                }
                continue
            }
            guard line.hasPrefix("$ credence") else { continue }
            out += line + "\n"
            // $FIXTURES names the test fixtures directory, so sessions can import files.
            let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").path
            let r = h.run(String(line.dropFirst(10)).replacingOccurrences(of: "$FIXTURES", with: fixtures))
            out += r.out
            for e in r.err.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out += "! \(e)\n" }
            if r.status != 0 { out += "[exit \(r.status)]\n" }
        }
        return out
    }

    static func diff(_ a: String, _ b: String) -> String {
        let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
        for i in 0..<max(x.count, y.count) where (i < x.count ? x[i] : nil) != (i < y.count ? y[i] : nil) {
            return
                "line \(i + 1):\n  expected: \(i < x.count ? x[i] : "<end>")\n  actual:   \(i < y.count ? y[i] : "<end>")"
        }
        return ""
    }
}
