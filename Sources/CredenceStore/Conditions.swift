import CredenceCore
import Foundation
import GRDB

/// Conditions form a DAG: a claim counts only if another resolves a certain way, and that one may
/// in turn depend on a third, but never back on the first. Every write of a condition (`--if`,
/// import, merge) goes through `insertCondition`, and every walk up or down a chain keeps the
/// claims it has seen, so a cycle written by an older version cannot make it loop.
extension JournalWriter {
    /// Makes `id` count only if `on` resolves `required`, refusing a condition on itself or one
    /// that closes a circle. `name` says how a claim is named in the refusal (an id for `--if`,
    /// the text for an import, whose new ids mean nothing to anyone yet).
    func insertCondition(
        claim id: ClaimID, on: ClaimID, required: Bool, name: (ClaimID) throws -> String = { "claim \($0)" }
    ) throws {
        if let through = try conditionCycle(claim: id, on: on) {
            let via = try through.map(name)
            let path =
                via.isEmpty
                ? ""
                : " through " + (via.count == 1 ? via[0] : via.dropLast().joined(separator: ", ") + " and " + via.last!)
            throw JournalError.conditionCycle(
                "\(try name(id)) would depend on itself\(path): conditions can't go in a circle")
        }
        try db.execute(
            "INSERT INTO condition(claim_id, on_claim_id, required_outcome) VALUES (?, ?, ?)", [id, on, required])
    }

    /// The claims between `on` and `id` if a condition `id` → `on` would close a circle (empty
    /// when `on` is `id` itself), else nil. A claim has at most one condition, so the chain up
    /// from `on` is a path; the seen set ends it at an old cycle that does not pass through `id`.
    func conditionCycle(claim id: ClaimID, on: ClaimID) throws -> [ClaimID]? {
        if on == id { return [] }
        var path = [on]
        var seen: Set<ClaimID> = [on]
        while let up = try db.value(ClaimID.self, "SELECT on_claim_id FROM condition WHERE claim_id = ?", [path.last!])
        {
            if up == id { return path }
            guard seen.insert(up).inserted else { return nil }
            path.append(up)
        }
        return nil
    }
}
