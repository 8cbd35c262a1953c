#pragma once

#include "spend/spendpage.h"

/// Cost by owning team, as allocated by the allocation rules (or tags).
class ByTeamPage : public SpendPage {
    Q_OBJECT
public:
    explicit ByTeamPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;
};
