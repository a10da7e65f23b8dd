import CredenceCore

/// Text for a terminal: safe to print, measured and cut in display columns.
package enum TerminalText {
    /// User text made safe for a terminal: control characters (escape sequences, NUL) and
    /// bidirectional overrides are shown as U+FFFD instead of being obeyed.
    package static func safe(_ s: String, singleLine: Bool = true) -> String {
        // Most text is printable ASCII, which passes unchanged: no copy (`list` shows 100,000).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x0A where !singleLine, 0x09 where !singleLine: out.append(scalar)
            case 0x0A, 0x09, 0x0D: out.append(" ")
            case let v where UnsafeText.isTerminalControl(v): out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `s` without the spaces that end it (padding of a last column nobody sees).
    package static func trimmingTrailingSpaces(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Columns a string takes in a terminal (wide East Asian characters and emoji take two).
    package static func width(_ s: String) -> Int {
        // Printable ASCII is a column a byte: counted without decoding (every cell of `list`).
        var columns = 0
        for b in s.utf8 {
            guard b >= 0x20 && b < 0x7F else { return s.unicodeScalars.reduce(0) { $0 + scalarWidth($1) } }
            columns += 1
        }
        return columns
    }

    package static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v >= 0x20 && v < 0x7F { return 1 }  // the common case, before any Unicode property look-up
        if v == 0x200D || (0xFE00...0xFE0F).contains(v) || s.properties.generalCategory == .nonspacingMark
            || s.properties.generalCategory == .enclosingMark || s.properties.generalCategory == .format
        {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// Cuts a string to fit `width` columns, ending in … when cut.
    package static func truncate(_ s: String, to width: Int) -> String {
        guard Self.width(s) > width else { return s }
        var out = "", used = 0
        for ch in s {
            let w = ch.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    package static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let gap = max(0, width - Self.width(s))
        return right ? String(repeating: " ", count: gap) + s : s + String(repeating: " ", count: gap)
    }

    /// Rows as aligned columns two spaces apart; the columns in `rightAligned` are padded on the left.
    package static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? width($0[c]) : 0 }.max() ?? 0 }
        return rows.map { row in
            trimmingTrailingSpaces(
                row.enumerated().map { c, cell in
                    c == row.count - 1 && !rightAligned.contains(c)
                        ? cell : pad(cell, widths[c], right: rightAligned.contains(c))
                }.joined(separator: "  "))
        }
    }

    /// Words wrapped to `width` columns; lines after the first start with `indent`.
    package static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? (lines.isEmpty ? "" : indent) + word : current + " " + word
            if !current.isEmpty && self.width(candidate) > width {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Columns a line takes once its ANSI colour codes (`ESC [ … m`) are left out.
    package static func visibleWidth(_ s: String) -> Int {
        var w = 0, escape = false
        for scalar in s.unicodeScalars {
            if escape {
                if scalar == "m" { escape = false }
            } else if scalar == "\u{1B}" {
                escape = true
            } else {
                w += scalarWidth(scalar)
            }
        }
        return w
    }

    /// One line, coloured or not, broken at spaces so that every piece fits `width` columns; a
    /// word longer than a line is cut. Pieces after the first start with `indent` (default: the
    /// line's own leading spaces and two more). A colour open at a break is closed there and
    /// opened again on the next piece, so no colour bleeds into the margin.
    package static func fit(_ line: String, width: Int, indent: String? = nil) -> [String] {
        guard visibleWidth(line) > width else { return [line] }
        let lead = String(line.prefix { $0 == " " })
        var margin = indent ?? lead + "  "
        if Self.width(margin) >= width / 2 { margin = String(repeating: " ", count: min(lead.count, width / 4)) }
        var out: [String] = []
        var current = "", used = 0
        var active: [String] = []  // colour codes in force at the end of `current`
        var lastBreak: (index: String.Index, used: Int, active: [String])?
        var escape = "", started = false
        func flush(at cut: String.Index, codes: [String]) {
            let head = String(current[..<cut])
            var tail = String(current[cut...])
            while tail.first == " " { tail.removeFirst() }
            out.append(trimmingTrailingSpaces(head) + (codes.isEmpty ? "" : "\u{1B}[0m"))
            current = margin + codes.joined() + tail
            used = visibleWidth(current)
            lastBreak = nil
        }
        for ch in line {
            if !escape.isEmpty || ch == "\u{1B}" {
                escape.append(ch)
                if ch == "m" {
                    current += escape
                    if escape == "\u{1B}[0m" { active = [] } else { active.append(escape) }
                    escape = ""
                }
                continue
            }
            let w = ch.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
            if ch == " " && started && used > Self.width(margin) {
                lastBreak = (current.endIndex, used, active)
            }
            if ch != " " { started = true }
            if used + w > width {
                if let b = lastBreak {
                    flush(at: b.index, codes: b.active)
                } else {
                    flush(at: current.endIndex, codes: active)
                }
                if ch == " " { continue }
            }
            current.append(ch)
            used += w
        }
        current += escape
        out.append(current)
        return out
    }
}
