#pragma once

#include <QString>
#include <QStringList>

namespace Connectors {

/// Ids of the data sources this build can connect to. FOCUS files are imported directly;
/// API connectors (OpenAI, Anthropic, clouds) register here as they are added.
QStringList availableSources();

} // namespace Connectors
