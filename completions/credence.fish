function __credence_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __credence_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __credence_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __credence_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __credence_parse_tokens -S
    set -l unparsed_tokens (__credence_tokens -pc)
    switch $unparsed_tokens[1]
    case 'credence'
        __credence_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'add'
            __credence_parse_subcommand -r 1 'p=' 'by=' 'tag=+' 'caveat=+' 'as=' 'note=' 'reason=' 'certain' 'option=+' 'if=' 'journal=' 'color=' 'version' 'h/help'
        case 'forecast'
            __credence_parse_subcommand -r 2 'as=' 'reason=' 'caveat=+' 'certain' 'option=+' 'journal=' 'color=' 'version' 'h/help'
        case 'resolve'
            __credence_parse_subcommand -r 2 'note=' 'at=' 'force' 'as=' 'journal=' 'color=' 'version' 'h/help'
        case 'list'
            __credence_parse_subcommand 0 'open' 'resolved' 'due' 'tag=+' 'as=' 'search=' 'since=' 'until=' 'limit=' 'json' 'journal=' 'color=' 'version' 'h/help'
        case 'show'
            __credence_parse_subcommand 1 'json' 'journal=' 'color=' 'version' 'h/help'
        case 'due'
            __credence_parse_subcommand 0 'all' 'tag=+' 'as=' 'search=' 'since=' 'until=' 'limit=' 'json' 'journal=' 'color=' 'version' 'h/help'
        case 'edit'
            __credence_parse_subcommand 1 'journal=' 'color=' 'version' 'h/help'
        case 'delete'
            __credence_parse_subcommand 1 'y/yes' 'journal=' 'color=' 'version' 'h/help'
        case 'undo'
            __credence_parse_subcommand 0 'list' 'journal=' 'color=' 'version' 'h/help'
        case 'report'
            __credence_parse_subcommand 0 'as=' 'tag=+' 'since=' 'until=' 'json' 'bins=' 'by=' 'every-forecast' 'csv' 'o/output=' 'width=' 'journal=' 'color=' 'version' 'h/help'
        case 'import'
            __credence_parse_subcommand 1 'format=' 'skip-bad' 'as=' 'journal=' 'color=' 'version' 'h/help'
        case 'bet'
            __credence_parse_subcommand 1 'with=' 'stake=' 'odds=' 'side=' 'as=' 'journal=' 'color=' 'version' 'h/help'
        case 'bets'
            __credence_parse_subcommand 0 'as=' 'with=' 'json' 'journal=' 'color=' 'version' 'h/help'
        case 'vs'
            __credence_parse_subcommand 2 'scoring=' 'all' 'json' 'tag=+' 'since=' 'until=' 'journal=' 'color=' 'version' 'h/help'
        case 'leaderboard'
            __credence_parse_subcommand 0 'contest' 'json' 'tag=+' 'since=' 'until=' 'journal=' 'color=' 'version' 'h/help'
        case 'caveats'
            __credence_parse_subcommand 0 'as=' 'tag=+' 'since=' 'until=' 'json' 'journal=' 'color=' 'version' 'h/help'
        case 'words'
            __credence_parse_subcommand 0 'as=' 'tag=+' 'since=' 'until=' 'json' 'journal=' 'color=' 'version' 'h/help'
        case 'yearly'
            __credence_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'paste'
                __credence_parse_subcommand 1 'year=' 'tag=' 'as=' 'certain' 'no-sections' 'journal=' 'color=' 'version' 'h/help'
            case 'grade'
                __credence_parse_subcommand 0 'year=' 'tag=' 'answers=' 'at=' 'journal=' 'color=' 'version' 'h/help'
            case 'post'
                __credence_parse_subcommand 0 'year=' 'tag=' 'as=' 'o/output=' 'journal=' 'color=' 'version' 'h/help'
            end
        case 'export'
            __credence_parse_subcommand 0 'format=' 'o/output=' 'open' 'resolved' 'tag=+' 'since=' 'until=' 'journal=' 'color=' 'version' 'h/help'
        case 'backup'
            __credence_parse_subcommand 1 'journal=' 'color=' 'version' 'h/help'
        case 'help'
            __credence_parse_subcommand -r 1 'version'
        end
    end
end

function __credence_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __credence_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __credence_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __credence_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__credence_tokens -p)
    if test -z "$(__credence_tokens -t)"
        set -l index (count (__credence_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'credence' -f
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'add' -d 'Log a claim with your forecast.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'forecast' -d 'Add or update a forecast on a claim (the history is kept).'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'resolve' -d 'Resolve a claim: yes, no, annul, or the option of a scenario set that happened.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'list' -d 'List claims, newest first.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'show' -d 'Show a claim with its forecasts and resolution history.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'due' -d 'Open claims past their resolve-by date, longest overdue first: time to resolve them.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'edit' -d 'Edit a claim\'s text and notes in $EDITOR.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'delete' -d 'Delete a claim with its forecasts (asks first; `credence undo` brings it back).'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'undo' -d 'Revert the last change to the journal and say what it was (repeat to go further back).'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'report' -d 'Calibration report: scores, reliability diagram, decomposition and a plain verdict.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'import' -d 'Import forecasts from Fatebook, PredictionBook, augur, Credence or a plain CSV, in one transaction.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'bet' -d 'Record a bet with someone on a yes/no claim; it settles when the claim resolves.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'bets' -d 'The bet ledger: balance per counterparty, open bets, settled history, and the head-to-head record with each.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'vs' -d 'Head-to-head: who was more right over the claims two people both forecast.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'leaderboard' -d 'Every forecaster ranked by mean peer score, with Brier, n and coverage beside it.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'caveats' -d 'Caveat audit: are your caveated forecasts better calibrated than your bare ones?'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'words' -d 'What your words mean: how often your “likely”, “almost certain” … came true.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'yearly' -d 'Yearly prediction lists: paste one in, grade it in one pass, write the post.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'export' -d 'Export claims and forecasts as CSV, JSON (the whole journal, lossless) or ICS (a calendar of claims to resolve).'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'backup' -d 'Copy the journal to a new file, safely even while another credence writes to it.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" p probability' -l 'p' -l 'probability' -d 'The probability (instead of an inline one).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" by' -l 'by' -d 'Resolve-by date (instead of an inline `by …`).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add"' -l 'tag' -d 'A tag (repeatable).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add"' -l 'caveat' -d 'A caveat on your forecast (repeatable).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" as' -l 'as' -d 'Who is forecasting (default: the owner, `me`).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" note' -l 'note' -d 'Notes on the claim.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" reason' -l 'reason' -d 'Why you hold this probability.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" certain' -l 'certain' -d 'Allow 0% or 100%.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add"' -l 'option' -d 'A scenario option and its probability, name=PROB (repeatable; they must sum to 100%).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" if' -l 'if' -d 'Count this claim only if claim ID resolves yes (ID=no: resolves no).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence add" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast" as' -l 'as' -d 'Who is forecasting (default: the owner).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast" reason' -l 'reason' -d 'Why you hold this probability.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast"' -l 'caveat' -d 'A caveat on this forecast (repeatable).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast" certain' -l 'certain' -d 'Allow 0% or 100%.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast"' -l 'option' -d 'For a scenario set: each option and its probability, name=PROB (repeatable).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence forecast" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence resolve" note' -l 'note' -d 'A note on how it resolved.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence resolve" at' -l 'at' -d 'When it resolved (default: now): 2026-11-20, yesterday, 3 days ago, 2026-11-20T14:00.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence resolve" force' -l 'force' -d 'Resolve again a claim that is already resolved.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence resolve" as' -l 'as' -d 'Who resolved it (default: the owner).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence resolve" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence resolve" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence resolve" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence resolve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" open' -l 'open' -d 'Only open claims.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" resolved' -l 'resolved' -d 'Only resolved claims.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" due' -l 'due' -d 'Only open claims past their resolve-by date.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list"' -l 'tag' -d 'Only claims with this tag (repeatable: all must match).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" as' -l 'as' -d 'Only claims this forecaster has forecast; show their numbers.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" search' -l 'search' -d 'Only claims whose text or notes contain this.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" since' -l 'since' -d 'Only claims created on or after this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" until' -l 'until' -d 'Only claims created on or before this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" limit' -l 'limit' -d 'Show at most this many claims.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" json' -l 'json' -d 'Print JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence show" json' -l 'json' -d 'Print JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence show" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence show" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence show" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" all' -l 'all' -d 'Show every due claim.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due"' -l 'tag' -d 'Only claims with this tag (repeatable: all must match).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" as' -l 'as' -d 'Only claims this forecaster has forecast; show their numbers.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" search' -l 'search' -d 'Only claims whose text or notes contain this.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" since' -l 'since' -d 'Only claims created on or after this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" until' -l 'until' -d 'Only claims created on or before this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" limit' -l 'limit' -d 'Show at most this many claims.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" json' -l 'json' -d 'Print JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence due" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence edit" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence edit" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence edit" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence edit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence delete" y yes' -s 'y' -l 'yes' -d 'Don\'t ask.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence delete" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence delete" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence delete" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence delete" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence undo" list' -l 'list' -d 'Show the last 10 changes undo would revert, newest first; revert nothing.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence undo" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence undo" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence undo" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence undo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" as' -l 'as' -d 'Whose forecasts (default: the owner); `all` pools everyone.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report"' -l 'tag' -d 'Only claims with this tag (repeatable: all must match).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" since' -l 'since' -d 'Only claims resolved on or after this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" until' -l 'until' -d 'Only claims resolved on or before this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" json' -l 'json' -d 'Print it as JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" bins' -l 'bins' -d 'Number of equal-width bins (default 10, or `bins` in the config).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" by' -l 'by' -d 'One row per group: tag, forecaster, horizon, caveats, input, word (verbal forecasts only), quarter or year (with a trend).' -rfka 'none forecaster tag horizon caveats input word quarter year'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" every-forecast' -l 'every-forecast' -d 'Score every forecast made before resolution, not only each forecaster\'s last.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" csv' -l 'csv' -d 'Print the bin table as CSV.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" o output' -l 'output' -s 'o' -d 'Write the report to a file: .svg (the chart), .html (a self-contained page), .json or .csv.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" width' -l 'width' -d 'Width of the terminal chart (default: the terminal\'s).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence import" format' -l 'format' -d 'The file\'s format (default: recognised from its content).' -rfka 'plain fatebook predictionbook augur credence'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence import" skip-bad' -l 'skip-bad' -d 'Leave out malformed records (listed) instead of refusing the file.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence import" as' -l 'as' -d 'Whose forecasts, for single-person formats such as augur (default: the owner).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence import" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence import" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence import" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" with' -l 'with' -d 'The other person.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" stake' -l 'stake' -d 'What you risk.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" odds' -l 'odds' -d 'Odds on YES (4:1) or the implied probability (80%).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" side' -l 'side' -d 'Your side: yes or no.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" as' -l 'as' -d 'Who is betting (default: the owner).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bet" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bets" as' -l 'as' -d 'Whose ledger (default: the owner).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bets" with' -l 'with' -d 'Only bets with this person.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bets" json' -l 'json' -d 'Print JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bets" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bets" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bets" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence bets" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" scoring' -l 'scoring' -d 'final (default) or time-averaged.' -rfka 'final time-averaged'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" all' -l 'all' -d 'List every shared claim, not only the latest 20.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" json' -l 'json' -d 'Print JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs"' -l 'tag' -d 'Only claims with this tag (repeatable: all must match).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" since' -l 'since' -d 'Only claims resolved on or after this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" until' -l 'until' -d 'Only claims resolved on or before this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence vs" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard" contest' -l 'contest' -d 'Contest mode: skipped claims score 0; divide by the number of claims.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard" json' -l 'json' -d 'Print JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard"' -l 'tag' -d 'Only claims with this tag (repeatable: all must match).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard" since' -l 'since' -d 'Only claims resolved on or after this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard" until' -l 'until' -d 'Only claims resolved on or before this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence leaderboard" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats" as' -l 'as' -d 'Whose forecasts (default: the owner); `all` pools everyone.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats"' -l 'tag' -d 'Only claims with this tag (repeatable: all must match).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats" since' -l 'since' -d 'Only claims resolved on or after this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats" until' -l 'until' -d 'Only claims resolved on or before this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats" json' -l 'json' -d 'Print it as JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence caveats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words" as' -l 'as' -d 'Whose forecasts (default: the owner); `all` pools everyone.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words"' -l 'tag' -d 'Only claims with this tag (repeatable: all must match).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words" since' -l 'since' -d 'Only claims resolved on or after this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words" until' -l 'until' -d 'Only claims resolved on or before this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words" json' -l 'json' -d 'Print it as JSON.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence words" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence yearly" -eq 1' -fa 'paste' -d 'Log a pasted list of `claim: NN%` lines as one tagged batch.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence yearly" -eq 1' -fa 'grade' -d 'Grade a yearly list in one pass: yes, no or thrown out for each open prediction.'
complete -c 'credence' -n '__credence_should_offer_completions_for_positional "credence yearly" -eq 1' -fa 'post' -d 'Write a graded yearly list as a Markdown post, with its calibration chart as SVG.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" year' -l 'year' -d 'The year of the list (default: this year; for grade and post, last year\'s if this year has no list).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" tag' -l 'tag' -d 'The list\'s tag (default: predictions-YEAR).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" as' -l 'as' -d 'Whose predictions (default: the owner).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" certain' -l 'certain' -d 'Allow 0% and 100%.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" no-sections' -l 'no-sections' -d 'Do not tag predictions with their section heading.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly paste" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly grade" year' -l 'year' -d 'The year of the list (default: this year; for grade and post, last year\'s if this year has no list).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly grade" tag' -l 'tag' -d 'The list\'s tag (default: predictions-YEAR).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly grade" answers' -l 'answers' -d 'One letter per open prediction, in order (y, n, t, s; spaces ignored).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly grade" at' -l 'at' -d 'When the outcomes were known (default: now).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly grade" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly grade" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly grade" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly grade" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly post" year' -l 'year' -d 'The year of the list (default: this year; for grade and post, last year\'s if this year has no list).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly post" tag' -l 'tag' -d 'The list\'s tag (default: predictions-YEAR).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly post" as' -l 'as' -d 'Whose predictions (default: the owner).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly post" o output' -s 'o' -l 'output' -d 'Write the post here (.md); the chart goes beside it as .svg.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly post" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly post" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly post" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence yearly post" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" format' -l 'format' -d 'csv, json or ics.' -rfka 'csv json ics'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" o output' -s 'o' -l 'output' -d 'Write to this file instead of standard output.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" open' -l 'open' -d 'Only open claims.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" resolved' -l 'resolved' -d 'Only resolved claims.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export"' -l 'tag' -d 'Only claims with this tag (repeatable).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" since' -l 'since' -d 'Only claims created on or after this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" until' -l 'until' -d 'Only claims created on or before this date.' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence backup" journal' -l 'journal' -d 'The journal file (default: $CREDENCE_JOURNAL, else $XDG_DATA_HOME/credence/journal.sqlite).' -rfka ''
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence backup" color' -l 'color' -d 'Colour: auto, always or never (NO_COLOR and TERM=dumb turn auto off).' -rfka 'auto always never'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence backup" version' -l 'version' -d 'Show the version.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence backup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'credence' -n '__credence_should_offer_completions_for_flags_or_options "credence help" version' -l 'version' -d 'Show the version.'
