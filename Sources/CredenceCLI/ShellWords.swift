/// Splits a line into words the way a POSIX shell would for plain words, single and double
/// quotes and backslash escapes, so a REPL line means what it would after `credence`.
package enum ShellWords {
    package struct UnterminatedQuote: Error, Equatable {
        package let quote: Character
        package init(quote: Character) { self.quote = quote }
    }

    package static func split(_ line: String) throws(UnterminatedQuote) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in line {
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            if let q = quote {
                if ch == q {
                    quote = nil
                } else if ch == "\\" && q == "\"" {
                    escaped = true
                } else {
                    current.append(ch)
                }
                continue
            }
            switch ch {
            case "\\":
                escaped = true
                inWord = true
            case "'", "\"":
                quote = ch
                inWord = true
            case " ", "\t", "\n":
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
            default:
                current.append(ch)
                inWord = true
            }
        }
        if let quote { throw UnterminatedQuote(quote: quote) }
        if inWord { words.append(current) }
        return words
    }
}
