#pragma once

#include "analytics/analytics.h"

#include <QLabel>

#include <vector>

/// A one-line note on a page whose range was billed in more than one currency: the page's amounts
/// are in one currency (amounts are never added across currencies), the note names what the others
/// billed and, where the page can switch, offers each as a link. Hidden with one currency.
class CurrencyNote : public QLabel {
    Q_OBJECT
public:
    explicit CurrencyNote(QWidget *parent = nullptr);

    /// `shown`: the page's currency; `others`: what the range billed in the rest; `switchable`:
    /// the other currencies are links that emit currencyChosen().
    void setCurrencies(const QString &shown, const std::vector<Analytics::CurrencyAmount> &others, bool switchable);

Q_SIGNALS:
    void currencyChosen(const QString &currency);
};
