#pragma once

#include "connector.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

// Plain failure texts every connector and the sync path share (issue #20 item 5): a provider's
// message kept to its first meaningful line, the requested URL without secrets, sentences joined
// properly, a headline per failure kind and what to do next. Pure functions, any thread.

namespace Conn::FailureText {

/// The first line of `text` that says something (has a letter), whitespace collapsed, secrets
/// redacted; longer than `cap` it ends at the last sentence end before the cap, else at a word
/// boundary with "…" — never mid-word.
QString firstMeaningfulLine(const QString &text, int cap = 320);
/// The message a provider put in an error body: JSON `error.message` (OpenAI, Anthropic, Azure,
/// Google), else `error_description`, AWS `message` / `Message`, `error` as a string; as
/// firstMeaningfulLine(). Empty when the body has none.
QString providerMessage(const QByteArray &body);
/// `url` as a message may show it: scheme, host, port and path — no user info, query (it may carry a
/// key or a signature) or fragment, and the path through redactSecrets().
QString shownUrl(const QUrl &url);
/// `text` ending as a sentence does (a full stop added when it has no . ! ? or …).
QString sentence(const QString &text);
/// `first` and `second` as two sentences: "… failed. Gave up after 5 attempts." (`first` through
/// sentence(); either may be empty).
QString sentences(const QString &first, const QString &second);
/// A short headline for a failure kind ("The key was rejected (HTTP 401)"): the wizard, the
/// accounts page and `burnrate accounts test` show the same.
QString headline(ErrorKind kind);
/// What the user can do about a failure of `kind`, one sentence; empty for None / Cancelled.
QString nextStep(ErrorKind kind);
/// A connection test's result as one text: the message, or for a failure "headline: message".
QString testText(const TestResult &result);

} // namespace Conn::FailureText
