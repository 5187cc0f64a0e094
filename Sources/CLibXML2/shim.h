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
#include "LibXML2.h"

// Frees what libxml2 allocated (through its `xmlFree`, a variable Swift 6 would reject as shared
// mutable state); only ever called once libxml2 is loaded.
static inline void maqal_xml_free(void *pointer) {
    const MaqalLibXML2 *libxml2 = maqal_libxml2();
    if (libxml2) (*libxml2->freeFunction)(pointer);
}

// Silence libxml2's generic error printing for the calling thread.
static void maqal_xml_ignore_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static inline void maqal_xml_silence(void) {
    const MaqalLibXML2 *libxml2 = maqal_libxml2();
    if (libxml2) libxml2->setGenericErrorFunction(NULL, maqal_xml_ignore_error);
}

#endif
