#ifndef MAQAL_LIBXML2_H
#define MAQAL_LIBXML2_H

// libxml2, loaded when a page first needs it rather than when maqal starts.
//
// maqal reads almost every page with its own reader and hands libxml2 only the pages that reader
// does not model exactly. Linked the usual way, libxml2 and what it needs (ICU, liblzma) were
// loaded, relocated and paged in at every start, the plain-text and --version runs included:
// about 0.8 ms and 70 page faults of a 5 ms run. Here the library is opened by its soname on first
// use, and every function maqal calls is reached through this table; the headers (types,
// constants, the SAX handler's layout) are still the ones pkg-config names, and the soname is the
// one those headers belong to, so the table and the library agree on every signature.
//
// Nothing in maqal's binary refers to a libxml2 symbol, so the linker, told --as-needed, leaves
// the library out of the binary's DT_NEEDED list (the Makefile's release flags; checked by
// `make install-check`).
//
// Kept in a header (static inline) for the reason ParseArena.h gives. Each Swift module that calls
// maqal_libxml2() gets its own copy of the table; dlopen hands every copy the same library.

#include <libxml/xmlversion.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// libxml2 2.14 changed its ABI and soname; the headers say which one they describe.
#if LIBXML_VERSION >= 21400
#define MAQAL_LIBXML2_SONAME "libxml2.so.16"
#else
#define MAQAL_LIBXML2_SONAME "libxml2.so.2"
#endif

typedef struct MaqalLibXML2 {
    int loaded;
    // Why loading failed (dlopen's or dlsym's message), when it did.
    char failure[512];
    __typeof__(&xmlInitParser) _Nonnull initParser;
    __typeof__(&__xmlParserVersion) _Nonnull parserVersion;
    __typeof__(&htmlCreateMemoryParserCtxt) _Nonnull createMemoryParserContext;
    __typeof__(&htmlCtxtUseOptions) _Nonnull useOptions;
    __typeof__(&htmlParseDocument) _Nonnull parseDocument;
    __typeof__(&htmlFreeParserCtxt) _Nonnull freeParserContext;
    __typeof__(&htmlReadMemory) _Nonnull readMemory;
    __typeof__(&xmlFreeDoc) _Nonnull freeDocument;
    __typeof__(&xmlFindCharEncodingHandler) _Nonnull findEncodingHandler;
    __typeof__(&xmlStrdup) _Nonnull duplicate;
    __typeof__(&xmlSplitQName) _Nonnull splitQName;
    __typeof__(&xmlSetGenericErrorFunc) _Nonnull setGenericErrorFunction;
    __typeof__(&xmlResetLastError) _Nonnull resetLastError;
    __typeof__(&xmlMemGet) _Nonnull memoryGet;
    __typeof__(&xmlMemSetup) _Nonnull memorySetup;
    // libxml2's `xmlFree` is a variable holding the current free function (the arena's hook once
    // ParseArena.h installs it), so the table holds its address.
    xmlFreeFunc *_Nonnull freeFunction;
} MaqalLibXML2;

static inline void maqal_libxml2_bind(MaqalLibXML2 *table, void *handle, void **slot, const char *name) {
    if (!table->loaded) return;
    void *symbol = dlsym(handle, name);
    if (symbol) {
        *slot = symbol;
        return;
    }
    table->loaded = 0;
    const char *why = dlerror();
    snprintf(table->failure, sizeof table->failure, "%s lacks %s%s%s", MAQAL_LIBXML2_SONAME, name, why ? ": " : "",
             why ? why : "");
}

static inline MaqalLibXML2 *maqal_libxml2_table(void) {
    static MaqalLibXML2 table;
    return &table;
}

static inline void maqal_libxml2_load(void) {
    MaqalLibXML2 *table = maqal_libxml2_table();
    // RTLD_LOCAL: libxml2's symbols (and ICU's) stay out of the process's global namespace.
    void *handle = dlopen(MAQAL_LIBXML2_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        snprintf(table->failure, sizeof table->failure, "%s", why ? why : MAQAL_LIBXML2_SONAME " could not be opened");
        return;
    }
    table->loaded = 1;
    maqal_libxml2_bind(table, handle, (void **)&table->initParser, "xmlInitParser");
    maqal_libxml2_bind(table, handle, (void **)&table->parserVersion, "__xmlParserVersion");
    maqal_libxml2_bind(table, handle, (void **)&table->createMemoryParserContext, "htmlCreateMemoryParserCtxt");
    maqal_libxml2_bind(table, handle, (void **)&table->useOptions, "htmlCtxtUseOptions");
    maqal_libxml2_bind(table, handle, (void **)&table->parseDocument, "htmlParseDocument");
    maqal_libxml2_bind(table, handle, (void **)&table->freeParserContext, "htmlFreeParserCtxt");
    maqal_libxml2_bind(table, handle, (void **)&table->readMemory, "htmlReadMemory");
    maqal_libxml2_bind(table, handle, (void **)&table->freeDocument, "xmlFreeDoc");
    maqal_libxml2_bind(table, handle, (void **)&table->findEncodingHandler, "xmlFindCharEncodingHandler");
    maqal_libxml2_bind(table, handle, (void **)&table->duplicate, "xmlStrdup");
    maqal_libxml2_bind(table, handle, (void **)&table->splitQName, "xmlSplitQName");
    maqal_libxml2_bind(table, handle, (void **)&table->setGenericErrorFunction, "xmlSetGenericErrorFunc");
    maqal_libxml2_bind(table, handle, (void **)&table->resetLastError, "xmlResetLastError");
    maqal_libxml2_bind(table, handle, (void **)&table->memoryGet, "xmlMemGet");
    maqal_libxml2_bind(table, handle, (void **)&table->memorySetup, "xmlMemSetup");
    maqal_libxml2_bind(table, handle, (void **)&table->freeFunction, "xmlFree");
    // libxml2's global state is made once, before any thread parses (its rule for threads).
    if (table->loaded) table->initParser();
}

// The table, loaded on the first call (once, whichever thread calls first); NULL when libxml2
// cannot be loaded, with the reason in maqal_libxml2_failure().
static inline const MaqalLibXML2 *maqal_libxml2(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, maqal_libxml2_load);
    const MaqalLibXML2 *table = maqal_libxml2_table();
    return table->loaded ? table : NULL;
}

static inline const char *maqal_libxml2_failure(void) {
    (void)maqal_libxml2();
    return maqal_libxml2_table()->failure;
}

#endif
