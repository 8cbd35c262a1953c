// SigV4: the Authorization header parser (used by the loopback fakes to check signatures) and the
// canonicalisation of paths and query strings, on arbitrary bytes.
#include "sigv4.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Conn::SigV4::ParsedAuthorization parsed = Conn::SigV4::parseAuthorization(text);
    if (parsed.ok && (parsed.accessKeyId.isEmpty() || parsed.signature.isEmpty()))
        std::abort(); // a header accepted without a key id or a signature
    (void)Conn::SigV4::canonicalUri(text);
    (void)Conn::SigV4::canonicalUri(text, false);
    (void)Conn::SigV4::canonicalQuery(text);
    (void)Conn::SigV4::uriEncode(text, true);
    return 0;
}
