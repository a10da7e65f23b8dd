#!/bin/bash

__credence_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__credence_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__credence_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__credence_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_credence() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __credence_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|forecast|resolve|list|show|due|edit|delete|undo|report|import|bet|bets|vs|leaderboard|caveats|words|yearly|export|backup|config|team|help)
        # Offer subcommand argument completions
        "_credence_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add forecast resolve list show due edit delete undo report import bet bets vs leaderboard caveats words yearly export backup config team help' -- "${cur}"))
        ;;
    esac
}

_credence_add() {
    repeating_flags=()
    non_repeating_flags=(--certain --blind --no-pager --version -h --help)
    repeating_options=(--tag --caveat --option)
    non_repeating_options=(--p --probability --by --as --note --reason --if --journal --color --width)
    __credence_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--p'|'--probability')
        return
        ;;
    '--by')
        return
        ;;
    '--tag')
        return
        ;;
    '--caveat')
        return
        ;;
    '--as')
        return
        ;;
    '--note')
        return
        ;;
    '--reason')
        return
        ;;
    '--option')
        return
        ;;
    '--if')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_forecast() {
    repeating_flags=()
    non_repeating_flags=(--certain --no-pager --version -h --help)
    repeating_options=(--caveat --option)
    non_repeating_options=(--as --reason --journal --color --width)
    __credence_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--as')
        return
        ;;
    '--reason')
        return
        ;;
    '--caveat')
        return
        ;;
    '--option')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_resolve() {
    repeating_flags=()
    non_repeating_flags=(--force --no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--note --at --as --journal --color --width)
    __credence_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--note')
        return
        ;;
    '--at')
        return
        ;;
    '--as')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_list() {
    repeating_flags=()
    non_repeating_flags=(--open --resolved --due --json --no-pager --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--as --search --since --until --limit --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--tag')
        return
        ;;
    '--as')
        return
        ;;
    '--search')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--limit')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_show() {
    repeating_flags=()
    non_repeating_flags=(--json --no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--pool --extremize --journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--pool')
        __credence_add_completions -W 'log-odds'$'\n''mean'$'\n''median'
        return
        ;;
    '--extremize')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_due() {
    repeating_flags=()
    non_repeating_flags=(--all --json --no-pager --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--as --search --since --until --limit --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--tag')
        return
        ;;
    '--as')
        return
        ;;
    '--search')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--limit')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_edit() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_delete() {
    repeating_flags=()
    non_repeating_flags=(-y --yes --no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_undo() {
    repeating_flags=()
    non_repeating_flags=(--list --no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_report() {
    repeating_flags=()
    non_repeating_flags=(--json --every-forecast --csv --no-pager --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--as --since --until --pool --extremize --bins --by --scoring --output -o --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--as')
        return
        ;;
    '--tag')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--pool')
        __credence_add_completions -W 'log-odds'$'\n''mean'$'\n''median'
        return
        ;;
    '--extremize')
        return
        ;;
    '--bins')
        return
        ;;
    '--by')
        __credence_add_completions -W 'none'$'\n''forecaster'$'\n''tag'$'\n''horizon'$'\n''caveats'$'\n''input'$'\n''word'$'\n''quarter'$'\n''year'
        return
        ;;
    '--scoring')
        __credence_add_completions -W 'final'$'\n''time-averaged'
        return
        ;;
    '--output'|'-o')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_import() {
    repeating_flags=()
    non_repeating_flags=(--skip-bad --no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --as --journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--format')
        __credence_add_completions -W 'plain'$'\n''fatebook'$'\n''predictionbook'$'\n''augur'$'\n''credence'
        return
        ;;
    '--as')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_bet() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __credence_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    propose|accept|decline)
        # Offer subcommand argument completions
        "_credence_bet_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'propose accept decline' -- "${cur}"))
        ;;
    esac
}

_credence_bet_propose() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--with --stake --odds --side --as --journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--with')
        return
        ;;
    '--stake')
        return
        ;;
    '--odds')
        return
        ;;
    '--side')
        return
        ;;
    '--as')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_bet_accept() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_bet_decline() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_bets() {
    repeating_flags=()
    non_repeating_flags=(--json --no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--as --with --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--as')
        return
        ;;
    '--with')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_vs() {
    repeating_flags=()
    non_repeating_flags=(--all --json --no-pager --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--scoring --since --until --pool --extremize --journal --color --width)
    __credence_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--scoring')
        __credence_add_completions -W 'final'$'\n''time-averaged'
        return
        ;;
    '--tag')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--pool')
        __credence_add_completions -W 'log-odds'$'\n''mean'$'\n''median'
        return
        ;;
    '--extremize')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_leaderboard() {
    repeating_flags=()
    non_repeating_flags=(--contest --json --no-pager --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--since --until --pool --extremize --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--tag')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--pool')
        __credence_add_completions -W 'log-odds'$'\n''mean'$'\n''median'
        return
        ;;
    '--extremize')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_caveats() {
    repeating_flags=()
    non_repeating_flags=(--json --no-pager --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--as --since --until --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--as')
        return
        ;;
    '--tag')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_words() {
    repeating_flags=()
    non_repeating_flags=(--json --no-pager --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--as --since --until --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--as')
        return
        ;;
    '--tag')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_yearly() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __credence_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    paste|grade|post)
        # Offer subcommand argument completions
        "_credence_yearly_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'paste grade post' -- "${cur}"))
        ;;
    esac
}

_credence_yearly_paste() {
    repeating_flags=()
    non_repeating_flags=(--certain --no-sections --no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--year --tag --as --journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--year')
        return
        ;;
    '--tag')
        return
        ;;
    '--as')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_yearly_grade() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--year --tag --answers --at --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--year')
        return
        ;;
    '--tag')
        return
        ;;
    '--answers')
        return
        ;;
    '--at')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_yearly_post() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--year --tag --as -o --output --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--year')
        return
        ;;
    '--tag')
        return
        ;;
    '--as')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_export() {
    repeating_flags=()
    non_repeating_flags=(--open --resolved --no-pager --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--format -o --output --since --until --journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--format')
        __credence_add_completions -W 'csv'$'\n''json'$'\n''ics'
        return
        ;;
    '-o'|'--output')
        return
        ;;
    '--tag')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_backup() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_config() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_team() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __credence_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    init|add|list|remove|config)
        # Offer subcommand argument completions
        "_credence_team_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'init add list remove config' -- "${cur}"))
        ;;
    esac
}

_credence_team_init() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_team_add() {
    repeating_flags=()
    non_repeating_flags=(--resolver --admin --no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--password --journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--password')
        return
        ;;
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_team_list() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_team_remove() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_team_config() {
    repeating_flags=()
    non_repeating_flags=(--no-pager --version -h --help)
    repeating_options=()
    non_repeating_options=(--journal --color --width)
    __credence_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--journal')
        return
        ;;
    '--color')
        __credence_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--width')
        return
        ;;
    esac
}

_credence_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __credence_offer_flags_options -1
}

complete -o filenames -F _credence credence
