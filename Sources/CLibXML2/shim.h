#ifndef REHEARSE_CLIBXML2_SHIM_H
#define REHEARSE_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, so its encoding header pulls in the system's ICU headers,
   which clash with the copy of ICU inside Foundation ("UErrorCode has different definitions").
   Rehearse never touches libxml2's ICU converters, so the ICU part of the headers is left out.
   It only changes the layout of xmlCharEncodingHandler, which is used here through pointers only. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

/* Swift cannot define C variadic functions, so the "say nothing" generic
   error handler lives here. Errors that matter are collected through the
   structured handler instead and turned into diagnostics. */
static inline void rehearse_xml_discard_generic_error(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

/* Keeps libxml2 from printing to stderr on this thread. */
static inline void rehearse_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, rehearse_xml_discard_generic_error);
}

/* xmlFree is a global function pointer, which Swift 6 treats as shared mutable state. */
static inline void rehearse_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
