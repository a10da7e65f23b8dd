import Testing

@testable import CredenceStore

/// An import finds a claim already in the journal by its UUID as 128 bits when it is written as
/// Credence writes one, and by its text otherwise: the same claims as comparing the texts.
@Suite struct ClaimKeyTests {
    @Test func aUUIDIsItsBitsAndAnythingElseItsText() {
        let id = "bcfd527b-9a8c-4891-81d8-bf61244dd37f"
        #expect(ClaimKey(id) == .uuid(0xbcfd_527b_9a8c_4891, 0x81d8_bf61_244d_d37f))
        var utf8 = Array(id.utf8)
        #expect(utf8.withUnsafeBufferPointer { ClaimKey(utf8: $0) } == ClaimKey(id))
        // Other spellings stay apart, as their texts are.
        #expect(ClaimKey(id.uppercased()) == .text(id.uppercased()))
        #expect(ClaimKey(id.uppercased()) != ClaimKey(id))
        #expect(ClaimKey("predictionbook-1234") == .text("predictionbook-1234"))
        #expect(ClaimKey(String(id.dropLast()) + "g") == .text(String(id.dropLast()) + "g"))
        #expect(ClaimKey(id.replacingOccurrences(of: "-", with: "_")) != ClaimKey(id))
        utf8 = Array("".utf8)
        #expect(utf8.withUnsafeBufferPointer { ClaimKey(utf8: $0) } == .text(""))
    }
}
