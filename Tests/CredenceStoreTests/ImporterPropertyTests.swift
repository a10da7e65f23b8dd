import CredenceCore
import Foundation
import PropertyBased
import Testing

@testable import CredenceStore

/// Mutated files through every importer: a document or a clear error, never a crash or a hang.
@Suite struct ImporterPropertyTests {
    static let samples: [String] = [
        "forecaster,question_id,probability,outcome,question\nme,q1,0.7,1,\"Does it, rain\"\nyou,q1,0.2,1,\"Does it, rain\"\n",
        "id,statement,probability,created_at,resolve_by,resolved_at,outcome,tags,note\na,The thing,0.6,2025-01-05T10:00:00Z,2025-03-31,2025-03-20T12:00:00Z,yes,work,\n",
        "[{\"id\": \"j1\", \"statement\": \"x\", \"probability\": 0.8, \"created_at\": \"2025-02-01T10:00:00Z\", \"outcome\": \"open\"}]",
        "{\"predictions\": [{\"id\": 1, \"description\": \"d\", \"created_at\": \"2015-01-10T10:00:00Z\", \"outcome\": true, \"withdrawn\": false, \"responses\": [{\"confidence\": 70, \"created_at\": \"2015-01-10T10:00:00Z\", \"user_label\": \"A\"}]}]}",
        FatebookCodec.header.joined(separator: ",")
            + "\nQ,,Alice,0.7,2024-03-05 09:07:4,Alice,2024-03-05 09:07:4,2024-06-01,YES,2024-05-20 14:0:0,0.18,,n,,false,,t\n",
    ]
    static let clock = Clock.fixed(Date(timeIntervalSince1970: 1_795_000_000), timeZone: TimeZone(identifier: "UTC")!)

    /// Each sample with a few bytes dropped, quoted, changed, repeated or split by a comma.
    @Test func mutatedFilesNeverCrash() async {
        let edits = Gen<Int>.value(in: 0...4).array(of: 1...6)
        await propertyCheck(
            count: 600, input: Gen<Int>.value(in: 0..<Self.samples.count), edits, Gen<Int>.value(in: 0...10_000)
        ) { which, kinds, where_ in
            var bytes = Array(Self.samples[which].utf8)
            for (k, kind) in kinds.enumerated() where !bytes.isEmpty {
                let at = (where_ &* (k + 7)) % bytes.count
                switch kind {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(UInt8(ascii: "\""), at: at)
                case 2: bytes[at] = UInt8(truncatingIfNeeded: where_ &+ k)
                case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 5)], at: at)
                default: bytes.insert(UInt8(ascii: ","), at: at)
                }
            }
            do {
                let (_, doc) = try Interchange.read(
                    ImportRequest(
                        bytes: bytes, namespace: "f.csv", owner: "me", skipBad: which % 2 == 0,
                        dates: Self.clock.dates, now: Self.clock.now()))
                for c in doc.claims {
                    #expect(c.forecasts.allSatisfy { $0.probability >= 0 && $0.probability <= 1 })
                }
                // Whatever was read can be stored.
                let j = try Journal.inMemory(clock: Self.clock)
                _ = try? j.write { w in (try w.store(doc), "fuzz") }
                #expect(try j.integrityCheck() == "ok")
            } catch let e as InterchangeError {
                #expect(!e.localizedDescription.isEmpty)
            } catch {
                Issue.record("unexpected error type \(type(of: error)): \(error)")
            }
        }
    }
}
