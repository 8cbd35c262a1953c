#pragma once

#include <QString>

namespace Conn {

/// `text` with anything that looks like a credential replaced by "[redacted]": provider key
/// prefixes (sk-, sk-ant-, AKIA/ASIA, AIza, ya29., gh*_, xox*-), bearer and basic credentials, JWTs, PEM key
/// bodies and long mixed letter-digit runs. For texts a server sent that Burnrate stores or shows
/// (an account's last error): a server may echo the key it was given.
QString redactSecrets(const QString &text);

} // namespace Conn
