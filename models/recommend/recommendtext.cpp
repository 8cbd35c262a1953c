#include "recommend/recommendtext.h"

#include <QCoreApplication>

namespace Recommend {

QString kindText(const std::string &kind)
{
    if (kind == "smaller_model")
        return QCoreApplication::translate("Recommend", "Smaller model");
    if (kind == "prompt_caching")
        return QCoreApplication::translate("Recommend", "Prompt caching");
    if (kind == "batch")
        return QCoreApplication::translate("Recommend", "Batch tier");
    if (kind == "compression")
        return QCoreApplication::translate("Recommend", "Prompt compression");
    if (kind == "long_context")
        return QCoreApplication::translate("Recommend", "Long-context surcharge");
    if (kind == "guardrail")
        return QCoreApplication::translate("Recommend", "Guardrail");
    return QString::fromStdString(kind);
}

QString scopeText(const std::string &feature, const std::string &model, const std::string &provider)
{
    const QString name = feature.empty() ? QCoreApplication::translate("Recommend", "(unallocated)") : QString::fromStdString(feature);
    return QCoreApplication::translate("Recommend", "%1 on %2 (%3)")
        .arg(name, QString::fromStdString(model), QString::fromStdString(provider));
}

} // namespace Recommend
