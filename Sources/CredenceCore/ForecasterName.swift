/// The one rule for a forecaster's name, shared by every importer, `--as` and the store: a name
/// is what is left after whitespace and invisible characters at either end are removed, and a
/// name with nothing visible left is no name at all.
package enum ForecasterName {
    /// The name as stored, or nil when it is empty or only whitespace and invisible characters
    /// (U+200B ZERO WIDTH SPACE, U+FEFF, bidirectional marks, control characters…).
    package static func clean(_ raw: String) -> String? {
        let scalars = raw.unicodeScalars
        // Most names are plain ASCII letters end to end: nothing to look up.
        if let first = scalars.first, let last = scalars.last, isPlainVisible(first), isPlainVisible(last) {
            return raw
        }
        guard let start = scalars.firstIndex(where: { !isInvisible($0) }),
            let end = scalars.lastIndex(where: { !isInvisible($0) })
        else { return nil }
        return String(scalars[start...end])
    }

    /// Why a name was refused and what to do, for the importers' and commands' messages.
    package static let emptyMessage =
        "the forecaster's name is empty or only invisible characters (such as U+200B ZERO WIDTH SPACE)"

    static func isPlainVisible(_ s: Unicode.Scalar) -> Bool { s.value > 0x20 && s.value < 0x7F }

    /// Whitespace, control and format characters, and those Unicode says to render as nothing.
    package static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        if isPlainVisible(s) { return false }
        let p = s.properties
        switch p.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: return true
        default: return p.isWhitespace || p.isDefaultIgnorableCodePoint || s.value == 0x2800
        }
    }
}
