// ~/.aws/credentials and ~/.aws/config text (parsed from memory, as both files are read): any text
// either gives sections or fails with "<file>:<line>: ...".
#include "awscredentials.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const bool configFile : {false, true}) {
        Conn::AwsIniSections sections;
        QString error;
        if (!Conn::parseAwsIni(text, configFile, QStringLiteral("fuzz"), &sections, &error) && error.isEmpty())
            std::abort();
    }
    return 0;
}
