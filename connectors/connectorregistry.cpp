#include "connectorregistry.h"

namespace Connectors {

QStringList availableSources()
{
    return {QStringLiteral("focus-file")};
}

} // namespace Connectors
