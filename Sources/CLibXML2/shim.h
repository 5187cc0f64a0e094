#ifndef MAQAL_CLIBXML2_SHIM_H
#define MAQAL_CLIBXML2_SHIM_H

// Foundation on Linux bundles its own ICU; libxml2's ICU types clash with it
// ("'UErrorCode' has different definitions"), and maqal never needs them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer variable, which Swift 6 rejects as
// shared mutable state; a static inline wrapper is safe to call.
static inline void maqal_xml_free(void *pointer) {
    xmlFree(pointer);
}

// Silence libxml2's generic error printing for the calling thread.
static void maqal_xml_ignore_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static inline void maqal_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, maqal_xml_ignore_error);
}

#endif
