#ifndef CREDENCE_CREADLINE_SHIM_H
#define CREDENCE_CREADLINE_SHIM_H
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 refuses to assign readline's C globals directly; these setters do it. */
static inline void credence_rl_set_completion(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void credence_rl_set_display_hook(rl_compdisp_func_t *f) { rl_completion_display_matches_hook = f; }
static inline void credence_rl_set_attempted_over(int v) { rl_attempted_completion_over = v; }
static inline void credence_rl_set_append_character(int c) { rl_completion_append_character = c; }
static inline void credence_rl_set_word_breaks(const char *s) { rl_completer_word_break_characters = (char *)s; }
static inline void credence_rl_set_name(const char *s) { rl_readline_name = s; }
/* Candidates come in the order the model gives (claim ids newest first), not sorted as text. */
static inline void credence_rl_set_sort_matches(int v) { rl_sort_completion_matches = v; }
static inline const char *credence_rl_line_buffer(void) { return rl_line_buffer; }
static inline int credence_rl_point(void) { return rl_point; }

/* Ctrl-C cancels the line being typed and shows a fresh prompt; the program goes on. */
static void credence_rl_sigint(int sig) {
    (void)sig;
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}

static inline void credence_rl_install_sigint(void) {
    rl_catch_signals = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = credence_rl_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
}

static inline void credence_rl_restore_sigint(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}
#endif
