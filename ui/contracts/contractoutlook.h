#pragma once

#include "contracts/contractledger.h"

#include <QCoreApplication>
#include <QString>

/// The words for a commitment month or a credit: what it is and where it stands (met, unused,
/// the forecast day it is met or runs out). Shared by the By provider page's contracts card and
/// the Forecast page.
class ContractOutlook {
    Q_DECLARE_TR_FUNCTIONS(ContractOutlook)
public:
    /// "monthly minimum" / "provisioned fee".
    static QString kind(Contracts::CommitmentKind kind);
    /// "Unused commitment" for an unused month, else kind(); "credit · NOTE" for a credit.
    static QString line(const Contracts::CommitmentMonth &month);
    static QString line(const Contracts::CreditBalance &credit);
    /// "Met on Mar 18", "Owed on top of usage (monthly minimum)", "Forecast: met about May 16",
    /// "Forecast: $155.00 short at month end".
    static QString outlook(const Contracts::CommitmentMonth &month);
    /// "Used up on …", "Expired after …, $X unused", "Forecast: runs out about …", "Forecast: $X left
    /// at expiry (…)", "Forecast: lasts past …" (`asOfDay`: the statement's day).
    static QString outlook(const Contracts::CreditBalance &credit, std::int64_t asOfDay);
};
