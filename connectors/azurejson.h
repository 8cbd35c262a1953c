#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>

namespace Conn {

/// Parses JSON into a nlohmann::json DOM that keeps every non-integer number as the exact text
/// it was written with (a JSON string such as "19.545363672276512") instead of a double, so money
/// can be parsed exactly with Cost::parseMoney. Integers stay integers. This goes through
/// nlohmann's SAX interface, whose number_float() callback receives the literal text; the DOM
/// builder below is nlohmann's own algorithm with that one change. Consequence for callers: in a
/// field documented as a number, a JSON string is read as the number's text.
/// Returns false with *error ("… at line L, column C: …") on malformed or truncated input.
bool parseJsonKeepingNumberText(const QByteArray &bytes, nlohmann::json &out, QString *error);

} // namespace Conn
