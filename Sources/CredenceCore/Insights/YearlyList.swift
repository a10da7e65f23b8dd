import Foundation

/// One prediction of a pasted list: `The Fed cuts rates twice: 70%`.
package struct ListedPrediction: Sendable, Equatable {
    package let text: String
    package let probability: Probability
    /// The Markdown heading it sits under, if any ("## Politics").
    package let section: String?
    package let line: Int
}

/// The lists yearly prediction posts use: one prediction per line, the probability after the
/// last colon, dash or in parentheses at the end; list markers and numbering are dropped;
/// Markdown headings below the title (## and deeper) name sections; blank lines are ignored.
package enum YearlyList {
    package struct LineError: Error, Sendable, Equatable {
        package let line: Int
        package let message: String
    }

    package static func parse(
        _ lines: [String], allowCertain: Bool = false
    ) -> (items: [ListedPrediction], errors: [LineError]) {
        var items: [ListedPrediction] = [], errors: [LineError] = []
        var section: String?
        for (i, raw) in lines.enumerated() {
            let number = i + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                // "# Predictions for 2027" titles the list; "## Politics" starts a section.
                let level = line.prefix { $0 == "#" }.count
                let heading = line.dropFirst(level).trimmingCharacters(in: .whitespaces)
                section = level == 1 || heading.isEmpty ? nil : heading
                continue
            }
            switch parseLine(stripMarker(line), allowCertain: allowCertain) {
            case .success(let (text, p)):
                items.append(ListedPrediction(text: text, probability: p, section: section, line: number))
            case .failure(let message): errors.append(LineError(line: number, message: message))
            }
        }
        return (items, errors)
    }

    enum Parsed { case success((String, Probability)), failure(String) }

    /// Drops "- ", "* ", "+ ", "• ", "12. " and "12) ".
    static func stripMarker(_ line: String) -> String {
        var s = Substring(line)
        if let first = s.first, "-*+•".contains(first), s.dropFirst().first == " " {
            return String(s.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty {
            s = s.dropFirst(digits.count)
            if let mark = s.first, mark == "." || mark == ")", s.dropFirst().first == " " {
                return String(s.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            }
        }
        return line
    }

    /// The probability is what follows the last separator (":", " - ", " – ", " — ") or sits in
    /// parentheses at the end; the claim is what comes before.
    static func parseLine(_ line: String, allowCertain: Bool) -> Parsed {
        var candidates: [(claim: Substring, probability: Substring)] = []
        if line.hasSuffix(")"), let open = line.lastIndex(of: "(") {
            candidates.append((line[..<open], line[line.index(after: open)..<line.index(before: line.endIndex)]))
        }
        for separator in [":", " - ", " – ", " — "] {
            if let r = line.range(of: separator, options: .backwards) {
                candidates.append((line[..<r.lowerBound], line[r.upperBound...]))
            }
        }
        var firstError: String?
        for c in candidates.sorted(by: { $0.claim.count > $1.claim.count }) {
            let text = c.claim.trimmingCharacters(in: .whitespaces)
            let typed = c.probability.trimmingCharacters(in: .whitespaces)
            do {
                let p = try ProbabilityParser.parse(typed, allowCertain: allowCertain)
                guard !text.isEmpty else { return .failure("the prediction before \(typed) is empty") }
                return .success((text, p))
            } catch {
                if firstError == nil && ProbabilityParser.looksLikeProbability(typed) {
                    firstError = error.localizedDescription
                }
            }
        }
        return .failure(
            firstError ?? "no probability found: end the line with one, as in “The Fed cuts rates twice: 70%”")
    }

    /// A heading as a tag: "World politics" → "world-politics"; nil if nothing usable is left.
    package static func tag(forSection heading: String) -> String? {
        var out = ""
        for ch in heading.lowercased() {
            if ch.isLetter || ch.isNumber || "_/.".contains(ch) {
                out.append(ch)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty || !QuickEntryParser.isValidTag(out) ? nil : out
    }
}

/// An answer in the grading pass.
package enum GradeAnswer: Sendable, Equatable {
    case yes, no, thrownOut, skip, back, quit

    /// y/yes, n/no, t/x/thrown out/annul, s/skip or empty, b/back, q/quit.
    package init?(_ text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y", "yes", "true", "1": self = .yes
        case "n", "no", "false", "0": self = .no
        case "t", "x", "thrown out", "throw out", "annul", "void": self = .thrownOut
        case "s", "skip", "": self = .skip
        case "b", "back": self = .back
        case "q", "quit": self = .quit
        default: return nil
        }
    }
}

/// Calibration tables as yearly posts show them: by stated confidence level, unfolded (each
/// probability as written) or folded at 50% (a 30% prediction of X is a 70% one of not-X).
package struct ConfidenceTable: Sendable, Equatable {
    package struct Row: Sendable, Equatable {
        package let level: Double
        package let n: Int
        package let events: Int
        package var share: Double { Double(events) / Double(n) }
        package var interval: Interval? { BinomialInterval.wilson(events: events, of: n) }
    }
    package let rows: [Row]

    package init(_ forecasts: [(p: Double, yes: Bool)], folded: Bool) {
        var table: [Double: (n: Int, e: Int)] = [:]
        for f in forecasts {
            let flip = folded && f.p < 0.5
            let level = flip ? 1 - f.p : f.p
            // 1 − p can land an ulp off the level a person wrote (1 − 0.7 = 0.30000000000000004).
            let key = (level * 1e9).rounded() / 1e9
            let came = flip ? !f.yes : f.yes
            table[key, default: (0, 0)].n += 1
            if came { table[key]!.e += 1 }
        }
        rows = table.keys.sorted().map { Row(level: $0, n: table[$0]!.n, events: table[$0]!.e) }
    }
}
