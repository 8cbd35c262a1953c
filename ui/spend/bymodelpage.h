#pragma once

#include "spend/spendpage.h"

/// Cost by model: series, top models and unit economics per model.
class ByModelPage : public SpendPage {
    Q_OBJECT
public:
    explicit ByModelPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;
};
