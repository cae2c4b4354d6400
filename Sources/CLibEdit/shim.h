#ifndef FUNNEL_CLIBEDIT_SHIM_H
#define FUNNEL_CLIBEDIT_SHIM_H
// The readline-compatible API of libedit. The el_* functions of <histedit.h>
// are C-variadic, which Swift cannot call; fixed-argument wrappers for the
// few the shell needs live here as static inline functions.
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>

// C global variables: Swift 6 sees each as shared mutable state and will not
// let Swift code touch it directly. The shell reads and sets them only on its
// main thread (the line editor and the console run there), through these.

static inline FILE *funnel_stdout(void) { return stdout; }
static inline FILE *funnel_stderr(void) { return stderr; }

/// Before rl_initialize: the shell handles SIGINT and SIGWINCH itself.
static inline void funnel_rl_prepare(const char *name) {
  rl_catch_signals = 0;
  rl_catch_sigwinch = 0;
  rl_readline_name = name;
}

static inline void funnel_rl_set_completion(char *word_breaks, rl_completion_func_t *complete) {
  rl_completer_word_break_characters = word_breaks;
  rl_attempted_completion_function = complete;
}

static inline char *funnel_rl_line_buffer(void) { return rl_line_buffer; }
static inline int funnel_rl_point(void) { return rl_point; }
static inline void funnel_rl_completion_over(void) { rl_attempted_completion_over = 1; }
static inline void funnel_rl_set_append_character(int c) { rl_completion_append_character = c; }
static inline int funnel_history_base(void) { return history_base; }
static inline int funnel_history_length(void) { return history_length; }

#endif
