#compdef credence

__credence_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__credence_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __credence_complete "${completions[@]:0:-1}"
    fi
}

__credence_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_credence() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'add:Log a claim with your forecast.'
            'forecast:Add or update a forecast on a claim (the history is kept).'
            'resolve:Resolve a claim: yes, no, annul, or the option of a scenario set that happened.'
            'list:List claims, newest first.'
            'show:Show a claim with its forecasts and resolution history.'
            'due:Open claims past their resolve-by date, longest overdue first: time to resolve them.'
            'edit:Edit a claim'\''s text and notes in $EDITOR.'
            'delete:Delete a claim with its forecasts (asks first; `credence undo` brings it back).'
            'undo:Revert the last change to the journal and say what it was (repeat to go further back).'
            'report:Calibration report: scores, reliability diagram, decomposition and a plain verdict.'
            'import:Import forecasts from Fatebook, PredictionBook, augur, Credence or a plain CSV, in one transaction.'
            'bet:Record a bet with someone on a yes/no claim; it settles when the claim resolves.'
            'bets:The bet ledger: balance per counterparty, open bets, settled history, and the head-to-head record with each.'
            'vs:Head-to-head: who was more right over the claims two people both forecast.'
            'leaderboard:Every forecaster ranked by mean peer score, with Brier, n and coverage beside it.'
            'caveats:Caveat audit: are your caveated forecasts better calibrated than your bare ones?'
            'words:What your words mean: how often your “likely”, “almost certain” … came true.'
            'yearly:Yearly prediction lists: paste one in, grade it in one pass, write the post.'
            'export:Export claims and forecasts as CSV, JSON (the whole journal, lossless) or ICS (a calendar of claims to resolve).'
            'backup:Copy the journal to a new file, safely even while another credence writes to it.'
            'config:Show or set the settings (owner, bins, hints, journal) and say where they live.'
            'team:Set up and manage a team journal on PostgreSQL (init, add, list, remove, config).'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        add|forecast|resolve|list|show|due|edit|delete|undo|report|import|bet|bets|vs|leaderboard|caveats|words|yearly|export|backup|config|team|help)
            "_credence_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_credence_add() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '*:words:'
        '(--p --probability)'{--p,--probability}'[The probability (instead of an inline one).]:p:'
        '--by[Resolve-by date (instead of an inline `by …`).]:date:'
        '*--tag[A tag (repeatable).]:tag:'
        '*--caveat[A caveat on your forecast (repeatable).]:caveat:'
        '--as[Who is forecasting (default\: the owner, `me`).]:name:'
        '--note[Notes on the claim.]:note:'
        '--reason[Why you hold this probability.]:reason:'
        '--certain[Allow 0% or 100%.]'
        '--blind[On a team journal\: members see others'\'' forecasts on this claim only once they forecast it (or it resolves).]'
        '*--option[A scenario option and its probability, name=PROB (repeatable; they must sum to 100%).]:name=prob:'
        '--if[Count this claim only if claim ID resolves yes (ID=no\: resolves no).]:id\[=yes|no\]:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_forecast() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':id:'
        '*:probability:'
        '--as[Who is forecasting (default\: the owner).]:name:'
        '--reason[Why you hold this probability.]:reason:'
        '*--caveat[A caveat on this forecast (repeatable).]:caveat:'
        '--certain[Allow 0% or 100%.]'
        '*--option[For a scenario set\: each option and its probability, name=PROB (repeatable).]:name=prob:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_resolve() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':id:'
        '*:outcome:'
        '--note[A note on how it resolved.]:note:'
        '--at[When it resolved (default\: now)\: 2026-11-20, yesterday, 3 days ago, 2026-11-20T14\:00.]:date:'
        '--force[Resolve again a claim that is already resolved.]'
        '--as[Who resolved it (default\: the owner).]:name:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_list() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--open[Only open claims.]'
        '--resolved[Only resolved claims.]'
        '--due[Only open claims past their resolve-by date.]'
        '*--tag[Only claims with this tag (repeatable\: all must match).]:tag:'
        '--as[Only claims this forecaster has forecast; show their numbers.]:name:'
        '--search[Only claims whose text or notes contain this.]:search:'
        '--since[Only claims created on or after this date.]:date:'
        '--until[Only claims created on or before this date.]:date:'
        '--limit[Show at most this many claims.]:limit:'
        '--json[Print JSON.]'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_show() {
    local -i ret=1
    local -ar ___pool=('log-odds' 'mean' 'median')
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':id:'
        '--json[Print JSON.]'
        '--pool[How @team pools everyone'\''s final forecasts on a claim\: log-odds (default\: the mean of log-odds, the geometric mean of odds), mean or median of the probabilities.]:method:{__credence_complete "${___pool[@]}"}'
        '--extremize[Multiply @team'\''s mean log-odds by this factor (default 1\: none; the literature'\''s typical values are 1.2–1.7, never applied unless asked).]:d:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_due() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--all[Show every due claim.]'
        '*--tag[Only claims with this tag (repeatable\: all must match).]:tag:'
        '--as[Only claims this forecaster has forecast; show their numbers.]:name:'
        '--search[Only claims whose text or notes contain this.]:search:'
        '--since[Only claims created on or after this date.]:date:'
        '--until[Only claims created on or before this date.]:date:'
        '--limit[Show at most this many claims.]:limit:'
        '--json[Print JSON.]'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_edit() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':id:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_delete() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':id:'
        '(-y --yes)'{-y,--yes}'[Don'\''t ask.]'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_undo() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--list[Show the last 10 changes undo would revert, newest first; revert nothing.]'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_report() {
    local -i ret=1
    local -ar ___pool=('log-odds' 'mean' 'median')
    local -ar ___by=('none' 'forecaster' 'tag' 'horizon' 'caveats' 'input' 'word' 'quarter' 'year')
    local -ar ___scoring=('final' 'time-averaged')
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--as[Whose forecasts (default\: the owner); `all` pools everyone.]:name:'
        '*--tag[Only claims with this tag (repeatable\: all must match).]:tag:'
        '--since[Only claims resolved on or after this date.]:date:'
        '--until[Only claims resolved on or before this date.]:date:'
        '--json[Print it as JSON.]'
        '--pool[How @team pools everyone'\''s final forecasts on a claim\: log-odds (default\: the mean of log-odds, the geometric mean of odds), mean or median of the probabilities.]:method:{__credence_complete "${___pool[@]}"}'
        '--extremize[Multiply @team'\''s mean log-odds by this factor (default 1\: none; the literature'\''s typical values are 1.2–1.7, never applied unless asked).]:d:'
        '--bins[Number of equal-width bins (default 10, or `bins` in the config).]:bins:'
        '--by[One row per group\: tag, forecaster, horizon, caveats, input, word (verbal forecasts only), quarter or year (with a trend).]:group:{__credence_complete "${___by[@]}"}'
        '--every-forecast[Score every forecast made before resolution, not only each forecaster'\''s last.]'
        '--scoring[final (default), or time-averaged\: also the time-averaged Brier of updated forecasts, per forecaster.]:scoring:{__credence_complete "${___scoring[@]}"}'
        '--csv[Print the bin table as CSV.]'
        '(--output -o)'{--output,-o}'[Write the report to a file\: .svg (the chart), .html (a self-contained page), .json or .csv.]:file:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_import() {
    local -i ret=1
    local -ar ___format=('plain' 'fatebook' 'predictionbook' 'augur' 'credence')
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':file:'
        '--format[The file'\''s format (default\: recognised from its content).]:format:{__credence_complete "${___format[@]}"}'
        '--skip-bad[Leave out malformed records (listed) instead of refusing the file.]'
        '--as[Whose forecasts\: all of a single-person format'\''s (augur; default\: the owner), and in other formats those with no forecaster.]:name:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_bet() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'propose:Record a bet with someone on a yes/no claim (the default: `credence bet 7 …`).'
            'accept:Accept a bet offered to you on a team journal; it then settles when its claim resolves.'
            'decline:Decline a bet offered to you on a team journal.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        propose|accept|decline)
            "_credence_bet_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_credence_bet_propose() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':id:'
        '--with[The other person.]:name:'
        '--stake[What you risk, to the cent (20, 12.50).]:amount:'
        '--odds[Odds on YES (4\:1) or the implied probability (80%).]:odds:'
        '--side[Your side\: yes or no (default\: the one your forecast favours).]:side:'
        '--as[Who is betting (default\: the owner).]:name:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_bet_accept() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':id:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_bet_decline() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':id:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_bets() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--as[Whose ledger (default\: the owner).]:name:'
        '--with[Only bets with this person.]:name:'
        '--json[Print JSON.]'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_vs() {
    local -i ret=1
    local -ar ___scoring=('final' 'time-averaged')
    local -ar ___pool=('log-odds' 'mean' 'median')
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':first:'
        ':second:'
        '--scoring[final (default) or time-averaged.]:scoring:{__credence_complete "${___scoring[@]}"}'
        '--all[List every shared claim, not only the latest 20.]'
        '--json[Print JSON.]'
        '*--tag[Only claims with this tag (repeatable\: all must match).]:tag:'
        '--since[Only claims resolved on or after this date.]:date:'
        '--until[Only claims resolved on or before this date.]:date:'
        '--pool[How @team pools everyone'\''s final forecasts on a claim\: log-odds (default\: the mean of log-odds, the geometric mean of odds), mean or median of the probabilities.]:method:{__credence_complete "${___pool[@]}"}'
        '--extremize[Multiply @team'\''s mean log-odds by this factor (default 1\: none; the literature'\''s typical values are 1.2–1.7, never applied unless asked).]:d:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_leaderboard() {
    local -i ret=1
    local -ar ___pool=('log-odds' 'mean' 'median')
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--contest[Contest mode\: skipped claims score 0; divide by the number of claims.]'
        '--json[Print JSON.]'
        '*--tag[Only claims with this tag (repeatable\: all must match).]:tag:'
        '--since[Only claims resolved on or after this date.]:date:'
        '--until[Only claims resolved on or before this date.]:date:'
        '--pool[How @team pools everyone'\''s final forecasts on a claim\: log-odds (default\: the mean of log-odds, the geometric mean of odds), mean or median of the probabilities.]:method:{__credence_complete "${___pool[@]}"}'
        '--extremize[Multiply @team'\''s mean log-odds by this factor (default 1\: none; the literature'\''s typical values are 1.2–1.7, never applied unless asked).]:d:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_caveats() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--as[Whose forecasts (default\: the owner); `all` pools everyone.]:name:'
        '*--tag[Only claims with this tag (repeatable\: all must match).]:tag:'
        '--since[Only claims resolved on or after this date.]:date:'
        '--until[Only claims resolved on or before this date.]:date:'
        '--json[Print it as JSON.]'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_words() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--as[Whose forecasts (default\: the owner); `all` pools everyone.]:name:'
        '*--tag[Only claims with this tag (repeatable\: all must match).]:tag:'
        '--since[Only claims resolved on or after this date.]:date:'
        '--until[Only claims resolved on or before this date.]:date:'
        '--json[Print it as JSON.]'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_yearly() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'paste:Log a pasted list of `claim: NN%` lines as one tagged batch.'
            'grade:Grade a yearly list in one pass: yes, no or thrown out for each open prediction.'
            'post:Write a graded yearly list as a Markdown post, with its calibration chart as SVG.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        paste|grade|post)
            "_credence_yearly_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_credence_yearly_paste() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':file:'
        '--year[The year of the list (default\: this year; for grade and post, last year'\''s if this year has no list).]:year:'
        '--tag[The list'\''s tag (default\: predictions-YEAR).]:tag:'
        '--as[Whose predictions (default\: the owner).]:name:'
        '--certain[Allow 0% and 100%.]'
        '--no-sections[Do not tag predictions with their section heading.]'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_yearly_grade() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--year[The year of the list (default\: this year; for grade and post, last year'\''s if this year has no list).]:year:'
        '--tag[The list'\''s tag (default\: predictions-YEAR).]:tag:'
        '--answers[One letter per open prediction, in order (y, n, t, s; spaces ignored).]:letters:'
        '--at[When the outcomes were known (default\: now).]:date:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_yearly_post() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--year[The year of the list (default\: this year; for grade and post, last year'\''s if this year has no list).]:year:'
        '--tag[The list'\''s tag (default\: predictions-YEAR).]:tag:'
        '--as[Whose predictions (default\: the owner).]:name:'
        '(-o --output)'{-o,--output}'[Write the post here (.md); the chart goes beside it as .svg.]:file:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_export() {
    local -i ret=1
    local -ar ___format=('csv' 'json' 'ics')
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--format[csv, json or ics (default\: from the -o file'\''s extension).]:format:{__credence_complete "${___format[@]}"}'
        '(-o --output)'{-o,--output}'[Write to this file instead of standard output.]:file:'
        '--open[Only open claims.]'
        '--resolved[Only resolved claims.]'
        '*--tag[Only claims with this tag (repeatable).]:tag:'
        '--since[Only claims created on or after this date.]:date:'
        '--until[Only claims created on or before this date.]:date:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_backup() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':file:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_config() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':key:'
        ':value:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_team() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'init:Create Credence'\''s schema in a PostgreSQL database (as its owner); safe to run again.'
            'add:Add a member: a PostgreSQL login of their own and their forecaster.'
            'list:List the team'\''s members, their logins and what they may do.'
            'remove:Revoke a member'\''s login; their forecasts, claims and resolutions stay in the record.'
            'config:Show or change the team'\''s settings: blind on makes every new claim blind.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        init|add|list|remove|config)
            "_credence_team_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_credence_team_init() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_team_add() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':name:'
        '--resolver[May resolve claims others wrote.]'
        '--admin[May import history for several forecasters.]'
        '--password[Their password (default\: a new random one).]:password:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_team_list() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_team_remove() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':name:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_team_config() {
    local -i ret=1
    local -ar ___color=('auto' 'always' 'never')
    local -ar arg_specs=(
        ':key:'
        ':value:'
        '--journal[The journal file, or a team journal'\''s postgres\://USER@HOST/DB (default\: $CREDENCE_JOURNAL, else the config'\''s journal, else $XDG_DATA_HOME/credence/journal.sqlite).]:path-or-url:'
        '--color[Colour (NO_COLOR and TERM=dumb turn auto off).]:when:{__credence_complete "${___color[@]}"}'
        '--width[Fit every line to this many columns (default\: the terminal'\''s; piped output is never cut).]:columns:'
        '--no-pager[Print long output straight to the terminal, not through $PAGER.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_credence_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _credence ]]; then
    _credence "${@}"
else
    compdef _credence credence
fi
