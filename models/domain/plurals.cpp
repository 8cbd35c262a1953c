#include "domain/plurals.h"

#include <QCoreApplication>
#include <QTranslator>

namespace Plurals {

namespace {

class EnglishPlurals : public QTranslator {
public:
    using QTranslator::QTranslator;

    bool isEmpty() const override { return false; }

    QString translate(const char *, const char *sourceText, const char *, int n) const override
    {
        if (n < 0 || !sourceText)
            return {};
        QString text = QString::fromUtf8(sourceText);
        if (!text.contains(QLatin1String("(s)")))
            return {};
        return text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    }
};

} // namespace

void installEnglish()
{
    if (auto *app = QCoreApplication::instance())
        QCoreApplication::installTranslator(new EnglishPlurals(app));
}

} // namespace Plurals
