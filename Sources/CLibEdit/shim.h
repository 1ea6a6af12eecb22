#ifndef REHEARSE_CLIBEDIT_SHIM_H
#define REHEARSE_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <histedit.h>

/* el_set, el_get and history are variadic, which Swift cannot call; these wrappers fix the
   arguments Rehearse uses. */

/* An editor on the standard streams (Swift 6 cannot touch the stdio globals directly). */
static inline EditLine *rehearse_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

/* The prompt lives in the editor's client data, so each editor has its own. */
static inline char *rehearse_el_prompt(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data ? (char *)data : (char *)"";
}

static inline void rehearse_el_set_prompt_text(EditLine *el, char *text) {
    el_set(el, EL_CLIENTDATA, (void *)text);
}

/* Emacs key bindings, the prompt above, history, and libedit's own signal handling (it restores
   the terminal before a signal reaches the program's handler). */
static inline void rehearse_el_configure(EditLine *el, History *list) {
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_PROMPT, rehearse_el_prompt);
    el_set(el, EL_HIST, history, list);
    el_set(el, EL_SIGNAL, 1);
}

/* Reads characters through `read` instead of libedit's own loop, which retries a read that a
   signal interrupted and so would not return on Ctrl-C. */
static inline void rehearse_el_set_getc(EditLine *el, el_rfunc_t read) {
    el_set(el, EL_GETCFN, read);
}

/* Binds Tab to a completion function. */
static inline void rehearse_el_bind_tab(EditLine *el, unsigned char (*complete)(EditLine *, int)) {
    el_set(el, EL_ADDFN, "rehearse-complete", "Complete a command", complete);
    el_set(el, EL_BIND, "^I", "rehearse-complete", NULL);
}

static inline History *rehearse_history_init(void) {
    History *list = history_init();
    HistEvent event;
    if (list) {
        history(list, &event, H_SETSIZE, 500);
        history(list, &event, H_SETUNIQUE, 1);
    }
    return list;
}

static inline void rehearse_history_add(History *list, const char *line) {
    HistEvent event;
    history(list, &event, H_ENTER, line);
}

#endif
