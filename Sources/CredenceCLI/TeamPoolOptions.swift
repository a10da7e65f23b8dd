import ArgumentParser
import CredenceCore
import CredenceStore

extension TeamPoolMethod: ExpressibleByArgument {}

/// `--pool` and `--extremize`: how `@team` pools everyone's final forecasts (docs/statistics.md §16).
struct TeamPoolOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "How @team pools everyone's final forecasts on a claim: log-odds (default: the mean of log-odds, the geometric mean of odds), mean or median of the probabilities.",
            valueName: "method"))
    var pool: TeamPoolMethod?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Multiply @team's mean log-odds by this factor (default 1: none; the literature's typical values are 1.2–1.7, never applied unless asked).",
            valueName: "d"))
    var extremize: Double?

    /// The pool, once `@team` is named; refuses the options when it is not, rather than ignore them.
    func teamPool(named: Bool) throws -> TeamPool? {
        guard named else {
            if pool != nil || extremize != nil {
                throw CLIError(
                    "--pool and --extremize shape @team's forecast: name @team too, e.g. --as @team or credence vs me @team",
                    status: ExitStatus.usage)
            }
            return nil
        }
        switch (pool ?? .logOdds).pool(extremize: extremize) {
        case .success(let pool): return pool
        case .failure(let error): throw CLIError(error.description, status: ExitStatus.usage)
        }
    }
}
