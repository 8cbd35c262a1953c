#pragma once

/// English plurals for the "%n day(s)" texts of tr(): without it Qt shows "(s)" verbatim,
/// because the app ships no translation files. Installs a translator on the running
/// QCoreApplication that turns "(s)" into "" for n = 1 and "s" otherwise (only in texts given
/// an n, and only English source texts: other translations installed later win).
namespace Plurals {

void installEnglish();

} // namespace Plurals
