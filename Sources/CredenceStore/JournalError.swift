import CredenceCore
import Foundation

/// What can go wrong with the journal file itself or with what a command asks of it.
package enum JournalError: Error, Equatable, Sendable {
    case newerSchema(path: String, found: Int, supported: Int)
    case notAJournal(path: String, reason: String)
    case damaged(path: String, reason: String)
    case cannotCreate(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case readOnly(path: String)
    case cannotWrite(path: String, reason: String)
    case diskFull(path: String)
    case unknownClaim(ClaimID)
    case alreadyResolved(ClaimID, ClaimStatus)
    case notResolvedForecastable(ClaimID, ClaimStatus)
    case resolveByBeforeCreation(resolveBy: String, created: String)
    case resolvedBeforeCreation(at: String, created: String)
    case emptyText
    case nothingToUndo
    /// A forecaster name of only invisible characters.
    case invisibleForecasterName
    /// `@team` names the pool of everyone's forecasts, never a person.
    case reservedForecasterName(String)
    /// SQLite refused a change by a constraint (its own words).
    case constraintRefused(String)
    /// A team command on a personal journal.
    case notATeamJournal
    /// A member's name that cannot be a PostgreSQL login; `suggestion` can.
    case badLoginName(String, suggestion: String)
    /// `team add` of a login another forecaster already has.
    case loginTaken(role: String, by: String)
    /// `team remove` of someone who is not a member.
    case notAMember(String)
    case cannotRemoveYourself
    /// `backup` to a file that exists.
    case backupExists(path: String)
    // A scenario set's options (`add --option`, `forecast --option`).
    case tooFewOptions
    case emptyOptionName
    case repeatedOption(String)
    case optionsDoNotSum(sum: Double, options: [OptionShare])
    /// One probability given for a scenario set.
    case scenarioSetNeedsOptions(ClaimID, options: [String])
    /// Options given for a yes/no claim.
    case optionsForYesNoClaim(ClaimID)
    case unknownForecastOption(String, claim: ClaimID, options: [String])
    case missingOptionForecasts(ClaimID, missing: [String])
    // Resolving.
    /// An option's name given as the outcome of a yes/no claim.
    case optionForYesNoClaim(String, claim: ClaimID)
    case unknownResolutionOption(String, claim: ClaimID, options: [String])
    /// Yes or no given as the outcome of a scenario set.
    case yesNoForScenarioSet(ClaimID, options: [String])
    /// A condition on a claim already resolved the other way.
    case conditionNeverMet(on: ClaimID, status: ClaimStatus, required: Bool)
    // Bets.
    case betOnScenarioSet(ClaimID)
    case betOnResolvedClaim(ClaimID, ClaimStatus)
    case betNeedsTwoPeople
    case nonPositiveStakes
    /// An imported forecast or resolution naming an option its claim does not have.
    case importedUnknownOption(claimText: String, what: String, label: String)
    /// A condition that would make a claim depend on itself.
    case conditionCycle(String)
    /// What only a SQLite file has (a backup of the file, its quick check), asked of a team journal.
    case notOnTeamJournal
    /// A database without Credence's schema, or with an older one.
    case teamJournalNotSetUp(url: String, reason: String)
    /// A team journal URL that cannot be read; the message says what is wrong.
    case badJournalURL(String)
    /// The server could not be reached or stopped answering.
    case serverUnreachable(server: String, reason: String)
    /// The server answered and refused: a wrong password, an unknown role or database, no permission.
    case serverRefused(server: String, reason: String)
    /// The server answered, but its certificate is not what sslmode asks for.
    case serverNotTrusted(server: String, reason: String)
    /// A team journal's rule refused a write: another member's rows, a claim one may not resolve.
    case notPermitted(String)
    case unknownBet(Int64)
    case betAlreadyAnswered(Int64, String)
    /// What only a team journal has (blind claims, bets awaiting an answer), asked of a file.
    case onlyOnTeamJournal(String)

    /// Data errors are the user's input; the rest are about the file or the machine.
    package var isDataError: Bool {
        switch self {
        case .newerSchema, .notAJournal, .damaged, .cannotCreate, .cannotOpen, .readOnly, .cannotWrite, .diskFull,
            .serverUnreachable, .serverRefused, .serverNotTrusted, .notOnTeamJournal, .teamJournalNotSetUp,
            .notPermitted:
            return false
        default: return true
        }
    }

    /// An option of a scenario set with its probability, as a refusal names it.
    package struct OptionShare: Equatable, Sendable {
        package let label: String
        package let p: Probability
        package init(label: String, p: Probability) {
            self.label = label
            self.p = p
        }
    }
}

extension JournalError: LocalizedError {
    package var errorDescription: String? {
        switch self {
        case let .newerSchema(path, found, supported):
            return
                "\(path) was written by a newer Credence (journal schema \(found); this credence reads up to \(supported)). Upgrade credence to open it; the file was not changed"
        case let .notAJournal(path, reason):
            return
                "\(path) is not a Credence journal (\(reason)). Point --journal at a journal file, or move this file aside; it was not changed"
        case let .damaged(path, reason):
            return
                "the journal \(path) is damaged (SQLite says: \(reason)); it was not changed. Restore your latest `credence backup` in its place; the damaged file is kept as it was, for salvage with sqlite3's .recover"
        case let .cannotCreate(path, reason):
            return
                "cannot create the journal at \(path): \(reason). Choose another place with --journal PATH or CREDENCE_JOURNAL"
        case let .cannotOpen(path, reason):
            return "cannot open the journal at \(path): \(reason)"
        case let .readOnly(path):
            return
                "the journal \(path) is read-only: nothing was written. Check the file's permissions, or use a writable copy with --journal"
        case let .cannotWrite(path, reason):
            return "the journal \(path) can't be written, so nothing was: \(reason)"
        case let .diskFull(path):
            return "the disk holding \(path) is full: nothing was written. Free some space and try again"
        case let .unknownClaim(id):
            return "there is no claim \(id): `credence list` shows the ids"
        case let .alreadyResolved(id, status):
            return
                "claim \(id) is already resolved (\(status.rawValue)): add --force to resolve it again (the history is kept)"
        case let .notResolvedForecastable(id, status):
            return
                "claim \(id) is resolved (\(status.rawValue)): a forecast now would be hindsight. `credence resolve \(id) ... --force` can reopen the question of its outcome"
        case let .resolveByBeforeCreation(resolveBy, created):
            return "the resolve-by date \(resolveBy) is before the claim was created (\(created))"
        case let .resolvedBeforeCreation(at, created):
            return "the resolution time \(at) is before the claim was created (\(created))"
        case .emptyText:
            return "the claim text is empty: write what you predict"
        case .nothingToUndo:
            return "nothing to undo: the journal has no recorded changes left"
        case .invisibleForecasterName:
            return ForecasterName.emptyMessage + ": give a visible name"
        case let .reservedForecasterName(name):
            return "\"\(name)\" names the team's pooled forecast, not a person: give the forecaster another name"
        case let .constraintRefused(reason):
            return "the journal refused the change: \(reason)"
        case .notATeamJournal:
            return
                "this is a personal journal (a SQLite file): team commands need --journal postgres://USER@HOST/DB"
        case let .badLoginName(name, suggestion):
            return
                "\"\(name)\" cannot be a login name: use letters, digits and _ (starting with a letter), such as \(suggestion)"
        case let .loginTaken(role, by):
            return "the login \(role) already belongs to \(by)"
        case let .notAMember(name):
            return "\(name) is not a member of this team: `credence team list` shows who is"
        case .cannotRemoveYourself:
            return "you cannot remove yourself from the team: another admin can"
        case let .backupExists(path):
            return "\(path) already exists: a backup never overwrites a file, so choose a new name"
        case .tooFewOptions:
            return "a scenario set needs at least two options, e.g. --option \"fast=20%\" --option \"slow=80%\""
        case .emptyOptionName:
            return "an option has an empty name"
        case let .repeatedOption(label):
            return "the option \"\(label)\" appears twice"
        case let .optionsDoNotSum(sum, options):
            let parts = options.map { "\($0.label) \($0.p.percentText)" }.joined(separator: " + ")
            return
                "the options sum to \(Probability.percentText(sum)), not 100%: \(parts). Mutually exclusive scenarios must cover every case; add an \"other\" option if needed"
        case let .scenarioSetNeedsOptions(id, options):
            return "claim \(id) is a scenario set: give each option a probability with --option, e.g. "
                + options.map { "--option \"\($0)=…\"" }.joined(separator: " ")
        case let .optionsForYesNoClaim(id):
            return "claim \(id) is a yes/no claim: give one probability, not options"
        case let .unknownForecastOption(label, id, options):
            return "\"\(label)\" is not an option of claim \(id): its options are \(options.joined(separator: ", "))"
        case let .missingOptionForecasts(id, missing):
            return "give every option of claim \(id) a probability; missing: \(missing.joined(separator: ", "))"
        case let .optionForYesNoClaim(label, id):
            return "\"\(label)\" is not an outcome: claim \(id) resolves yes, no or annul"
        case let .unknownResolutionOption(label, id, options):
            return
                "\"\(label)\" is not an option of claim \(id): resolve it to one of \(options.joined(separator: ", ")) or annul"
        case let .yesNoForScenarioSet(id, options):
            return
                "claim \(id) is a scenario set: resolve it to the option that happened (\(options.joined(separator: ", "))) or annul"
        case let .conditionNeverMet(on, status, required):
            return
                "claim \(on) already resolved \(status.rawValue): a claim conditional on it resolving \(required ? "yes" : "no") could never count"
        case let .betOnScenarioSet(id):
            return "bets are on yes/no claims; claim \(id) is a scenario set"
        case let .betOnResolvedClaim(id, status):
            return "claim \(id) is already resolved (\(status.rawValue)): too late to bet on it"
        case .betNeedsTwoPeople:
            return "a bet needs two different people"
        case .nonPositiveStakes:
            return "stakes must be positive amounts"
        case let .importedUnknownOption(claimText, what, label):
            return "claim “\(claimText)”: \(what) \"\(label)\", which is not one of its options"
        case let .conditionCycle(message):
            return message
        case .notOnTeamJournal:
            return
                "a team journal has no file to do this with: the server's own backups (pg_dump) keep it, and `credence export` writes its claims to a file"
        case let .teamJournalNotSetUp(url, reason):
            return "\(url) is not a team journal yet: \(reason)"
        case let .badJournalURL(message):
            return message
        case let .serverUnreachable(server, reason):
            return
                "cannot reach the team journal's server at \(server): \(reason). Check that PostgreSQL runs there and the host and port in --journal are right; nothing was written"
        case let .serverRefused(server, reason):
            return "the team journal's server at \(server) refused: \(reason); nothing was written"
        case let .serverNotTrusted(server, reason):
            return
                "the team journal's server at \(server) is not trusted: \(reason); nothing was written"
        case let .notPermitted(reason):
            return "\(reason); nothing was written"
        case let .onlyOnTeamJournal(reason):
            return reason
        case let .unknownBet(id):
            return "there is no bet \(id): `credence bets` lists yours"
        case let .betAlreadyAnswered(id, state):
            return "bet \(id) was already \(state); the journal was not changed"
        }
    }
}
