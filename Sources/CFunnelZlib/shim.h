#ifndef FUNNEL_CZLIB_SHIM_H
#define FUNNEL_CZLIB_SHIM_H
// The system zlib, for reading gzip-compressed files. inflateInit2 is a
// macro, which Swift cannot call; a fixed-argument wrapper lives here.
#include <zlib.h>

/// Starts inflating a gzip (or zlib) stream: window bits 15, plus 32 to
/// detect the header by itself.
static inline int funnel_inflate_init(z_stream *stream) {
  return inflateInit2(stream, 15 + 32);
}

#endif
