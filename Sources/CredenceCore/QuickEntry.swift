import Foundation

/// A word of a quick-entry line and where it sits in the line, so errors can point at it.
package struct Token: Sendable, Equatable {
    package let text: String
    package let range: Range<Int>  // character offsets in the line as displayed
    package let literal: Bool  // a quoted group or a spaced argument: always claim or caveat text
    package let quoted: Bool  // the quote marks were typed in the line itself
    package let spaceBefore: String  // the whitespace typed between this word and the one before

    package init(
        text: String, range: Range<Int>, literal: Bool = false, quoted: Bool = false, spaceBefore: String = " "
    ) {
        self.text = text
        self.range = range
        self.literal = literal
        self.quoted = quoted
        self.spaceBefore = spaceBefore
    }
}

/// What one quick-entry line means. Fields the user gave as flags are filled in by the caller.
package struct QuickEntry: Sendable, Equatable {
    package var text: String
    package var probability: Probability?
    package var resolveBy: Date?
    package var resolveByText: String?
    package var tags: [String]
    package var caveats: [String]
}

/// An error in a quick-entry line, with the offending span so the message can draw a caret.
package struct QuickEntryError: Error, Equatable, LocalizedError, Sendable {
    package let message: String
    package let line: String
    package let range: Range<Int>

    package var errorDescription: String? { message }

    /// The line with a caret under the offending token.
    package var pointer: String {
        let width = max(1, range.count)
        return "  \(line)\n  " + String(repeating: " ", count: range.lowerBound) + String(repeating: "^", count: width)
    }
}

/// Which parts of the line the caller already has from flags; those are not looked for inline.
package struct QuickEntryOverrides: Sendable {
    package var probability: Bool = false
    package var resolveBy: Bool = false
    package var allowCertain: Bool = false
    package init(probability: Bool = false, resolveBy: Bool = false, allowCertain: Bool = false) {
        self.probability = probability
        self.resolveBy = resolveBy
        self.allowCertain = allowCertain
    }
}

/// `<claim text> <probability> [by <date>] [+tag …] [#tag …] [unless <caveat> | caveat: <text>]`
///
/// The probability is the one place in the line after which only modifiers follow. If two
/// places qualify the line is ambiguous and refused; nothing is guessed.
package struct QuickEntryParser: Sendable {
    package let dates: DateGrammar

    package init(dates: DateGrammar) { self.dates = dates }

    /// Splits a line on whitespace; a double-quoted group is one literal token. A quote that does
    /// not open a word, or has no closing quote ending a word, is an ordinary character.
    package static func tokenize(_ line: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let gapStart = i
            while i < chars.count && chars[i].isWhitespace { i += 1 }
            guard i < chars.count else { break }
            let start = i, space = String(chars[gapStart..<start])
            if chars[i] == "\"",
                let close = chars[(i + 1)...].indices.first(where: {
                    chars[$0] == "\"" && ($0 + 1 == chars.count || chars[$0 + 1].isWhitespace)
                })
            {
                tokens.append(
                    Token(
                        text: String(chars[(i + 1)..<close]), range: start..<(close + 1), literal: true, quoted: true,
                        spaceBefore: space))
                i = close + 1
                continue
            }
            while i < chars.count && !chars[i].isWhitespace { i += 1 }
            tokens.append(Token(text: String(chars[start..<i]), range: start..<i, spaceBefore: space))
        }
        return tokens
    }

    /// Builds the displayed line from command-line arguments: one argument is the line itself;
    /// with several, an argument containing spaces is shown in quotes.
    package static func line(fromArguments args: [String]) -> String {
        if args.count == 1 { return args[0] }
        return args.map { $0.contains(where: \.isWhitespace) || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ")
    }

    /// Tokens straight from command-line arguments, so the shell's quoting is the only quoting:
    /// an argument holding spaces is one literal token, kept exactly as typed, quote marks and all.
    package static func tokens(fromArguments args: [String]) -> [Token] {
        var tokens: [Token] = []
        var at = 0
        for arg in args {
            let grouped = arg.contains(where: \.isWhitespace) || arg.isEmpty
            let width = arg.count + (grouped ? 2 : 0)
            tokens.append(Token(text: arg, range: at..<(at + width), literal: grouped))
            at += width + 1
        }
        return tokens
    }

    /// Parses a line given as command-line arguments (one argument is the whole line).
    package func parse(
        arguments args: [String], overrides: QuickEntryOverrides = QuickEntryOverrides()
    ) throws(QuickEntryError) -> QuickEntry {
        if args.count == 1 { return try parse(args[0], overrides: overrides) }
        return try parse(
            tokens: Self.tokens(fromArguments: args), line: Self.line(fromArguments: args), overrides: overrides)
    }

    /// Words joined back into text with the spacing that was typed between them. Quote marks
    /// typed inside a longer text are part of it; quotes around the whole text only marked it as literal.
    static func text(of tokens: some Collection<Token>) -> String {
        if tokens.count == 1, let only = tokens.first { return only.text }
        var text = ""
        for (i, token) in tokens.enumerated() {
            if i > 0 { text += token.spaceBefore }
            text += token.quoted ? "\"\(token.text)\"" : token.text
        }
        return text
    }

    package func parse(
        _ line: String, overrides: QuickEntryOverrides = QuickEntryOverrides()
    ) throws(QuickEntryError) -> QuickEntry {
        try parse(tokens: Self.tokenize(line), line: line, overrides: overrides)
    }

    func parse(tokens: [Token], line: String, overrides: QuickEntryOverrides) throws(QuickEntryError) -> QuickEntry {
        func fail(_ message: String, _ range: Range<Int>) -> QuickEntryError {
            QuickEntryError(message: message, line: line, range: range)
        }
        let end = line.count..<(line.count + 1)
        guard !tokens.isEmpty else {
            throw fail(
                overrides.probability
                    ? "the claim text is empty: write what you predict"
                    : "the line is empty: write a claim and a probability, e.g. Ryan ships by friday 70%", end)
        }

        if overrides.probability {
            let (body, modifiers) = try splitTrailingModifiers(tokens, line: line, overrides: overrides)
            return try assemble(claim: body, probability: nil, modifiers: modifiers, line: line, overrides: overrides)
        }

        // Every place where a probability could start, with how many tokens it spans.
        var valid: [(index: Int, length: Int, probability: Probability, modifiers: Modifiers)] = []
        var invalid: [(index: Int, length: Int, error: ProbabilityError)] = []
        var covered = 0
        for i in tokens.indices where !tokens[i].literal && i > 0 && i >= covered {
            // Longest phrase first, so "very likely" is one probability, not "very" + "likely".
            for length in stride(from: min(EstimativeWords.maxWords, tokens.count - i), through: 1, by: -1) {
                let span = tokens[i..<(i + length)]
                if span.contains(where: \.literal) { continue }
                let text = span.map(\.text).joined(separator: " ")
                guard ProbabilityParser.looksLikeProbability(text),
                    let modifiers = try? modifiersAfter(tokens, from: i + length, line: line, overrides: overrides)
                else { continue }
                do {
                    valid.append(
                        (i, length, try ProbabilityParser.parse(text, allowCertain: overrides.allowCertain), modifiers))
                } catch {
                    invalid.append((i, length, error))
                }
                covered = i + length
                break
            }
        }
        func spanRange(_ i: Int, _ length: Int) -> Range<Int> {
            tokens[i].range.lowerBound..<tokens[i + length - 1].range.upperBound
        }

        if valid.count > 1 {
            let shown = valid.map { "\"\($0.probability.typed)\"" }.joined(separator: " and ")
            throw fail(
                "ambiguous: \(shown) could each be the probability. Quote the claim text (\"…\") or give the probability with --p",
                spanRange(valid[1].index, valid[1].length))
        }
        guard let choice = valid.first else {
            if let bad = invalid.last {
                throw fail(bad.error.localizedDescription, spanRange(bad.index, bad.length))
            }
            if !tokens[0].literal, (try? ProbabilityParser.parse(tokens[0].text, allowCertain: true)) != nil {
                throw fail("the claim text goes before the probability, e.g. Ryan ships by friday 70%", tokens[0].range)
            }
            // A clear probability followed by words that can't follow it: point at those words.
            if let (i, length) = lastProbability(tokens), i + length < tokens.count {
                do {
                    _ = try modifiersAfter(tokens, from: i + length, line: line, overrides: overrides)
                } catch {
                    guard error.message.hasPrefix("unexpected") else { throw error }
                    let rest = tokens[(i + length)...]
                    let words = rest.map(\.text).joined(separator: " ")
                    let asDate = (try? dates.resolveBy(words)) != nil
                    let probability = tokens[i..<(i + length)].map(\.text).joined(separator: " ")
                    throw fail(
                        "can't read \"\(words)\" after the probability \(probability): after it may come by DATE (\(asDate ? "by \(words)" : "e.g. by friday")), +tags and unless <caveat>; the claim text goes before the probability",
                        rest.first!.range.lowerBound..<rest.last!.range.upperBound)
                }
            }
            throw fail("no probability found: end the claim with one, e.g. 70%, 0.7, 3:1 or likely", end)
        }
        let claimTokens = Array(tokens[..<choice.index])
        // "Ryan ships by friday 70%": a date right before the probability is the resolve-by date,
        // unless one follows the probability ("ships by March 70% by june": the first is text).
        var modifiers = choice.modifiers
        let (body, early) =
            overrides.resolveBy || modifiers.date != nil
            ? (claimTokens, nil) : try trailingDate(claimTokens, line: line)
        if let early { modifiers.date = early }
        return try assemble(
            claim: body, probability: choice.probability, modifiers: modifiers, line: line, overrides: overrides)
    }

    /// The last percentage in the line (`40%`, unmistakably meant as the probability), with the
    /// one token it spans. Fractions and words are left alone: `3/4 games` is claim text.
    private func lastProbability(_ tokens: [Token]) -> (index: Int, length: Int)? {
        for i in tokens.indices.reversed() where i > 0 && !tokens[i].literal && tokens[i].text.hasSuffix("%") {
            if let p = try? ProbabilityParser.parse(tokens[i].text, allowCertain: true), p.form == .percent {
                return (i, 1)
            }
        }
        return nil
    }

    // MARK: - Modifiers

    struct DatedSpan: Equatable {
        let date: Date
        let text: String
        let range: Range<Int>
    }

    struct Modifiers: Equatable {
        var date: DatedSpan?
        var tags: [String] = []
        var caveat: String?
    }

    private func assemble(
        claim: [Token], probability: Probability?, modifiers: Modifiers, line: String, overrides: QuickEntryOverrides
    ) throws(QuickEntryError) -> QuickEntry {
        let text = Self.text(of: claim).trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            let at = claim.first?.range ?? 0..<1
            throw QuickEntryError(
                message: "the claim text is empty: write what you predict before the probability", line: line, range: at
            )
        }
        return QuickEntry(
            text: text, probability: probability, resolveBy: modifiers.date?.date,
            resolveByText: modifiers.date?.text, tags: modifiers.tags,
            caveats: modifiers.caveat.map { [$0] } ?? [])
    }

    /// Parses `[by <date>] [#tag …] [unless … | caveat: …]` in any order from `start` to the end.
    func modifiersAfter(
        _ tokens: [Token], from start: Int, line: String, overrides: QuickEntryOverrides
    ) throws(QuickEntryError) -> Modifiers {
        var m = Modifiers()
        var i = start
        while i < tokens.count {
            let token = tokens[i]
            let word = token.text.lowercased()
            if token.literal {
                throw QuickEntryError(
                    message: "unexpected \"\(token.text)\" after the probability: the claim text goes before it",
                    line: line, range: token.range)
            }
            if word == "unless" || word == "caveat:" {
                let rest = tokens[(i + 1)...]
                guard !rest.isEmpty else {
                    throw QuickEntryError(
                        message: "\"\(token.text)\" needs the caveat after it, e.g. unless the eval changes",
                        line: line, range: token.range)
                }
                let body = Self.text(of: rest)
                m.caveat = word == "unless" ? "unless " + body : body
                return m
            }
            if Self.isTagMarked(token.text) {
                let tag = String(token.text.dropFirst())
                guard Self.isValidTag(tag) else {
                    throw QuickEntryError(
                        message:
                            "\"\(token.text)\" is not a tag: a tag is + or # followed by letters, digits, - _ / or .",
                        line: line, range: token.range)
                }
                if !m.tags.contains(where: { $0.lowercased() == tag.lowercased() }) { m.tags.append(tag) }
                i += 1
                continue
            }
            if word == "by" && !overrides.resolveBy {
                guard i + 1 < tokens.count else {
                    throw QuickEntryError(
                        message: "\"by\" needs a date after it, e.g. by friday or by 2027-06-30", line: line,
                        range: token.range)
                }
                if m.date != nil {
                    throw QuickEntryError(
                        message: "two resolve-by dates: keep one \"by …\"", line: line, range: token.range)
                }
                let (span, used) = try dateSpan(tokens, from: i + 1, line: line)
                m.date = span
                i += 1 + used
                continue
            }
            throw QuickEntryError(
                message:
                    "unexpected \"\(token.text)\" after the probability: the claim text goes before it; after it come by <date>, #tags and unless <caveat>",
                line: line, range: token.range)
        }
        return m
    }

    /// The longest run of words after "by" that reads as a date.
    private func dateSpan(_ tokens: [Token], from start: Int, line: String) throws(QuickEntryError) -> (DatedSpan, Int)
    {
        var stop = start
        while stop < tokens.count, stop - start < 4, !tokens[stop].literal,
            !Self.isTagMarked(tokens[stop].text), !["unless", "caveat:"].contains(tokens[stop].text.lowercased())
        {
            stop += 1
        }
        func range(_ end: Int) -> Range<Int> {
            tokens[start].range.lowerBound..<tokens[max(start, end - 1)].range.upperBound
        }
        var specific: (DateError, Int)?  // "in the past" or "not a real date" beats "unknown"
        for end in stride(from: stop, to: start, by: -1) {
            let text = tokens[start..<end].map(\.text).joined(separator: " ")
            do {
                return (DatedSpan(date: try dates.resolveBy(text), text: text, range: range(end)), end - start)
            } catch {
                if case .unknown = error { continue }
                if case .unknownPast = error { continue }
                if specific == nil { specific = (error, end) }
            }
        }
        if let (error, end) = specific {
            throw QuickEntryError(message: error.localizedDescription, line: line, range: range(end))
        }
        let text = tokens[start..<max(stop, start + 1)].map(\.text).joined(separator: " ")
        throw QuickEntryError(
            message: DateError.unknown(text).localizedDescription, line: line, range: range(max(stop, start + 1)))
    }

    /// Removes a trailing "by <date>" from the claim text when it reads as a date. One that reads
    /// as a date in the past, or as no real date, is refused: never quietly kept as claim text.
    private func trailingDate(_ tokens: [Token], line: String) throws(QuickEntryError) -> ([Token], DatedSpan?) {
        for length in 1...4 {
            let byIndex = tokens.count - length - 1
            guard byIndex >= 1 else { break }
            guard tokens[byIndex].text.lowercased() == "by", !tokens[byIndex...].contains(where: \.literal) else {
                continue
            }
            let text = tokens[(byIndex + 1)...].map(\.text).joined(separator: " ")
            let range = tokens[byIndex + 1].range.lowerBound..<tokens.last!.range.upperBound
            do {
                let date = try dates.resolveBy(text)
                return (Array(tokens[..<byIndex]), DatedSpan(date: date, text: text, range: range))
            } catch {
                switch error {
                case .unknown, .unknownPast: continue
                case .inThePast, .notARealDate, .inTheFuture:
                    throw QuickEntryError(
                        message: error.localizedDescription
                            + " (if \"by \(text)\" is part of the claim, quote the claim text)",
                        line: line, range: range)
                }
            }
        }
        return (tokens, nil)
    }

    /// With the probability given as a flag: the modifiers at the end of the line, if any.
    private func splitTrailingModifiers(
        _ tokens: [Token], line: String, overrides: QuickEntryOverrides
    ) throws(QuickEntryError) -> ([Token], Modifiers) {
        var cut = tokens.count
        var result = Modifiers()
        // The earliest position from which everything parses as modifiers.
        for i in stride(from: tokens.count - 1, through: 1, by: -1) {
            let t = tokens[i].text.lowercased()
            guard Self.isTagMarked(t) || t == "by" || t == "unless" || t == "caveat:" else { continue }
            if let m = try? modifiersAfter(tokens, from: i, line: line, overrides: overrides) {
                cut = i
                result = m
            }
        }
        var body = Array(tokens[..<cut])
        if result.date == nil && !overrides.resolveBy {
            let (rest, date) = try trailingDate(body, line: line)
            body = rest
            result.date = date
        }
        return (body, result)
    }

    /// `#work`, or `+work`, the form a shell leaves alone (bash and fish read `#` as a comment).
    /// A `+` marks a tag only before a letter, so `+5%` stays a number.
    package static func isTagMarked(_ word: String) -> Bool {
        if word.hasPrefix("#") { return true }
        guard word.hasPrefix("+"), let next = word.dropFirst().first else { return false }
        return next.isLetter
    }

    package static func isValidTag(_ tag: String) -> Bool {
        !tag.isEmpty
            && tag.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "-_/.".unicodeScalars.contains($0)
            }
    }
}
