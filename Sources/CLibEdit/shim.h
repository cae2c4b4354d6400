#ifndef FUNNEL_CLIBEDIT_SHIM_H
#define FUNNEL_CLIBEDIT_SHIM_H
// The readline-compatible API of libedit. The el_* functions of <histedit.h>
// are C-variadic, which Swift cannot call; fixed-argument wrappers for the
// few the shell needs live here as static inline functions.
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>

#endif
