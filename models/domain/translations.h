#pragma once

#include <QString>

/// The app's translations (resources/translations, embedded as :/i18n/burnrate_*.qm, with Qt's own
/// qtbase_*.qm): English holds the plural forms of "%n day(s)" texts, German is complete. Call on
/// the thread that owns the QCoreApplication, after it exists.
namespace Translations {

/// The UI language: BURNRATE_LANG ("de", "en") when set, else the first of the system's UI
/// languages (QLocale::system().uiLanguages()) that has a translation; "en" otherwise.
QString language();

/// Installs the translators for `language` (default: language()) on the running application,
/// replacing those of an earlier call: English plurals always, Qt's and the app's texts in the
/// language on top.
/// Returns false when that language has no translation (English is used then).
bool install(const QString &language = QString());

} // namespace Translations
