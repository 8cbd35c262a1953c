#include "otlp/gunzip.h"

#include <zlib.h>

namespace Otlp {

bool gunzip(const QByteArray &in, qsizetype limit, QByteArray &out, std::string &error)
{
    z_stream z{};
    // 32 + MAX_WBITS: gzip or zlib, told apart by the header.
    if (inflateInit2(&z, 32 + MAX_WBITS) != Z_OK) {
        error = "cannot start inflating";
        return false;
    }
    out.clear();
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = static_cast<uInt>(in.size());
    char buffer[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            error = rc == Z_BUF_ERROR ? "the gzip body ends early" : "not gzip data";
            return false;
        }
        out.append(buffer, static_cast<qsizetype>(sizeof buffer - z.avail_out));
        if (out.size() > limit) {
            inflateEnd(&z);
            error = "over " + std::to_string(limit) + " bytes once inflated";
            return false;
        }
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
            inflateEnd(&z);
            error = "the gzip body ends early";
            return false;
        }
    }
    inflateEnd(&z);
    return true;
}

} // namespace Otlp
