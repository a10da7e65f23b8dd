import CredenceCore

extension Interchange {
    /// A file that names one claim twice (same id or UUID): the same content twice is kept once;
    /// different content is refused at the second place, since either could be the one meant.
    static func refuseConflictingDuplicates(_ doc: inout InterchangeDocument, policy: inout RecordPolicy) throws {
        var first: [String: Int] = [:]
        first.reserveCapacity(doc.claims.count)
        var kept: [InterchangeClaim] = []
        kept.reserveCapacity(doc.claims.count)
        for claim in doc.claims {
            guard let k = first[claim.uuid] else {
                first[claim.uuid] = kept.count
                kept.append(claim)
                continue
            }
            let earlier = kept[k]
            if earlier == claim { continue }
            let here = claim.source ?? "claim \(claim.uuid)"
            let line = here.hasPrefix("line ") ? Int(here.dropFirst(5)) : nil
            try policy.reject(
                InterchangeError(
                    line: line, field: line == nil ? here : nil,
                    "names the same claim as \(earlier.source ?? "an earlier record") (id \(claim.id.map(String.init) ?? claim.uuid)) with a different \(difference(earlier, claim)): keep one of the two and import again"
                ))
        }
        doc.claims = kept
    }

    static func difference(_ a: InterchangeClaim, _ b: InterchangeClaim) -> String {
        if a.text != b.text { return "text" }
        if a.createdAt != b.createdAt { return "creation time" }
        if a.forecasts != b.forecasts { return "list of forecasts" }
        if a.resolutions != b.resolutions { return "resolution" }
        if a.tags != b.tags { return "set of tags" }
        if a.notes != b.notes { return "notes" }
        return "content"
    }
}
