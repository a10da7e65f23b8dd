/// Deterministic UUIDs for imported claims, so importing the same file twice finds the claims it
/// made the first time. 128 bits of two FNV-1a hashes, formatted as a version-8 UUID.
enum StableID {
    static func uuid(_ parts: [String]) -> String {
        let text = parts.joined(separator: "\u{1F}")
        func fnv(_ seed: UInt64) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
            for b in text.utf8 {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            return h
        }
        let a = fnv(0), b = fnv(0x9E37_79B9_7F4A_7C15)
        var bytes =
            (0..<8).map { UInt8(truncatingIfNeeded: a >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: b >> (56 - 8 * $0)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: custom
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = bytes.map { String($0, radix: 16).leftPadded(2) }.joined()
        let h = Array(hex)
        return [h[0..<8], h[8..<12], h[12..<16], h[16..<20], h[20..<32]].map { String($0) }.joined(separator: "-")
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

extension String {
    /// Without leading and trailing ASCII spaces, tabs and line breaks. Foundation's trimming goes
    /// through NSString, which costs more than parsing the cell itself.
    var trimmed: String {
        let u = utf8
        guard let first = u.first, let last = u.last,
            first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D || last == 0x20 || last == 0x09
                || last == 0x0A || last == 0x0D
        else { return self }
        var start = u.startIndex, end = u.endIndex
        while start < end, [0x20, 0x09, 0x0A, 0x0D].contains(u[start]) { start = u.index(after: start) }
        while end > start, [0x20, 0x09, 0x0A, 0x0D].contains(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(self[start..<end])
    }
}
