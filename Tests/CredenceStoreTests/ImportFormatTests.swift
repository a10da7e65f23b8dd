import CredenceCore
import Foundation
import Testing

@testable import CredenceStore

/// The registry of import formats: every `--format` name has a reader, detection tries them in
/// order, and a name shared by two readers (Credence's CSV and JSON) picks by the content.
@Suite struct ImportFormatTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func everyFormatNameHasAReaderAndAName() {
        for format in InterchangeFormat.allCases {
            #expect(Interchange.formats.contains { $0.format == format }, "\(format)")
        }
        #expect(
            InterchangeFormat.allCases.map(\.name) == [
                "plain CSV", "Fatebook CSV", "PredictionBook JSON", "augur", "Credence",
            ])
    }

    @Test func detectionByContent() {
        let fatebook = FatebookCodec.header.joined(separator: ",") + "\n"
        let cases: [(String, InterchangeFormat?)] = [
            ("forecaster,question_id,probability,outcome\nme,q1,0.7,1\n", .plain),
            ("question_id,probability\n", .plain),
            (fatebook, .fatebook),
            ("record,claim_uuid,claim\n", .credence),
            ("id,statement,probability,outcome\n", .augur),
            ("{\"format\":\"credence-journal\",\"claims\":[]}", .credence),
            ("{\"user\":\"x\",\"predictions\":[]}", .predictionbook),
            ("{\"predictions\":[{\"responses\":[]}]}", .predictionbook),
            ("{\"predictions\":[{\"statement\":\"s\"}]}", .augur),
            ("[{\"statement\":\"s\"}]", .augur),
            ("{\"other\":1}", nil),
            ("a,b,c\n", nil),
            ("", nil),
        ]
        for (text, format) in cases { #expect(Interchange.detect(bytes(text)) == format, "\(text)") }
    }

    @Test func aSharedNamePicksTheReaderByContent() {
        #expect(Interchange.reader(for: bytes("{}"), format: .credence) == CredenceJSONCodec.self)
        #expect(Interchange.reader(for: bytes("record\n"), format: .credence) == CredenceCSVCodec.self)
        #expect(Interchange.reader(for: bytes("{}"), format: .augur) == AugurCodec.self)
        // Credence's CSV and the plain CSV stream (are written while they are read); the others are read whole.
        #expect(
            Interchange.formats.compactMap { $0 as? any StreamingImportFormat.Type }.map { $0.format } == [
                .credence, .plain,
            ])
    }
}
