#ifndef MAQAL_CZLIB_SHIM_H
#define MAQAL_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro that passes the library's version and the stream's size; Swift cannot
// call macros, so a static inline wrapper does it.
static inline int maqal_inflate_init(z_stream *stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

// deflateInit2 likewise; the tests use it to write the gzip members and WARC files they read back.
static inline int maqal_deflate_init(z_stream *stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

#endif
