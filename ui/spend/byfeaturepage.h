#pragma once

#include "spend/spendpage.h"

/// Cost by product feature, as allocated by the allocation rules (or tags).
class ByFeaturePage : public SpendPage {
    Q_OBJECT
public:
    explicit ByFeaturePage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;
};
