#pragma once

#include <QByteArray>

#include <string>

namespace Otlp {

/// Inflates a gzip (or zlib) body, refusing to grow past `limit` bytes. False with `error`
/// ("not gzip data", "over N bytes once inflated").
bool gunzip(const QByteArray &in, qsizetype limit, QByteArray &out, std::string &error);

} // namespace Otlp
