/// The characters of user text that a terminal would obey rather than show: the one list that
/// both the terminal's sanitiser (`TerminalText.safe`) and `--json`'s escaping (`JSONString`)
/// consult, so text that is inert in one is inert in the other.
package enum UnsafeText {
    /// C0 controls (escape sequences start with ESC), DEL and the C1 controls, and the
    /// bidirectional overrides and isolates that reorder a line (U+202A…202E, U+2066…2069).
    @inlinable
    package static func isTerminalControl(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
