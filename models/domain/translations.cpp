#include "domain/translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace Translations {

namespace {

const QString kDirectory = QStringLiteral(":/i18n");

QString languageOf(const QString &name) // "de-DE", "de_DE.UTF-8" → "de"
{
    return name.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).section(QLatin1Char('.'), 0, 0).toLower();
}

bool available(const QString &lang)
{
    return !lang.isEmpty() && QTranslator().load(QStringLiteral("burnrate_") + lang, kDirectory);
}

// The translators of the last install(), owned by the application.
QPointer<QTranslator> &installed(int slot)
{
    static QPointer<QTranslator> translators[3];
    return translators[slot];
}

void put(int slot, const QString &file)
{
    if (QTranslator *old = installed(slot)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    if (file.isEmpty())
        return;
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(file, kDirectory)) {
        QCoreApplication::installTranslator(translator);
        installed(slot) = translator;
    } else {
        delete translator;
    }
}

} // namespace

QString language()
{
    const QString forced = languageOf(qEnvironmentVariable("BURNRATE_LANG"));
    if (!forced.isEmpty())
        return available(forced) ? forced : QStringLiteral("en");
    const QStringList wanted = QLocale::system().uiLanguages();
    for (const QString &name : wanted) {
        const QString lang = languageOf(name);
        if (available(lang))
            return lang;
    }
    return QStringLiteral("en");
}

bool install(const QString &requested)
{
    if (!QCoreApplication::instance())
        return false;
    const QString lang = requested.isEmpty() ? language() : languageOf(requested);
    const bool english = lang == QLatin1String("en");
    put(0, QStringLiteral("burnrate_en")); // the plural forms of the English source texts
    put(1, english ? QString() : QStringLiteral("qtbase_") + lang); // Qt's buttons and dialogs
    put(2, english ? QString() : QStringLiteral("burnrate_") + lang); // installed last: asked first
    return english || installed(2) != nullptr;
}

} // namespace Translations
