#pragma once

#include "spend/spendpage.h"

class QToolButton;

/// Cost by provider, or by service: a switch above the charts picks which.
class ByProviderPage : public SpendPage {
    Q_OBJECT
public:
    explicit ByProviderPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;
    /// Shows providers (`byService` false) or services.
    void setGroupByService(bool byService);
    bool isGroupedByService() const { return dimension() == QLatin1String("service"); }

private:
    QToolButton *m_provider = nullptr;
    QToolButton *m_service = nullptr;
};
