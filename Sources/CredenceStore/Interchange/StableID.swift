/// Deterministic UUIDs for imported claims, so importing the same file twice finds the claims it
/// made the first time. 128 bits of two FNV-1a hashes, formatted as a version-8 UUID.
enum StableID {
    static func uuid(_ parts: [String]) -> String {
        // Hashed and formatted byte by byte: an import makes one per claim (100,000 for a big file).
        func fnv(_ seed: UInt64) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
            for (i, part) in parts.enumerated() {
                if i > 0 {
                    h ^= 0x1F
                    h = h &* 0x0000_0100_0000_01B3
                }
                for b in part.utf8 {
                    h ^= UInt64(b)
                    h = h &* 0x0000_0100_0000_01B3
                }
            }
            return h
        }
        let a = fnv(0), b = fnv(0x9E37_79B9_7F4A_7C15)
        var bytes = [UInt8](repeating: 0, count: 16)
        for k in 0..<8 {
            bytes[k] = UInt8(truncatingIfNeeded: a >> (56 - 8 * k))
            bytes[8 + k] = UInt8(truncatingIfNeeded: b >> (56 - 8 * k))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: custom
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (k, byte) in bytes.enumerated() {
            if k == 4 || k == 6 || k == 8 || k == 10 { out.append(0x2D) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
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
