#pragma once

#include "fetchresult.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

/// AWS Cost Explorer GetCostAndUsage over JSON 1.1: request bodies and the pure response parser.
namespace Conn::Aws {

inline constexpr char kTargetGetCostAndUsage[] = "AWSInsightsIndexService.GetCostAndUsage";
inline constexpr char kJsonContentType[] = "application/x-amz-json-1.1";

/// One GroupBy entry: Type DIMENSION (Key SERVICE, USAGE_TYPE, REGION, LINKED_ACCOUNT...) or TAG.
struct GroupDefinition {
    QString type;
    QString key;
};

/// A GetCostAndUsage request (DAILY, UnblendedCost + UsageQuantity).
struct CostQuery {
    QDate start;                 ///< inclusive
    QDate end;                   ///< exclusive
    QList<GroupDefinition> groupBy; ///< at most two (a Cost Explorer limit)
    QString serviceFilter;       ///< SERVICE = this value when set
    QString nextPageToken;
    /// The JSON 1.1 body; paging repeats it with NextPageToken set, otherwise identical.
    QByteArray toJson() const;
};

/// How parsed rows become records.
struct ParseOptions {
    QString billingAccount;  ///< BillingAccount dim (the AWS account id or the account name)
    QString tagKey;          ///< when a group is TAG <tagKey>, its value goes into Tags JSON
    bool aiServicesOnly = true; ///< keep only Amazon Bedrock (incl. Marketplace "Bedrock Edition") and SageMaker hosting rows
    QString service;         ///< the SERVICE of every row when the query filtered on one (not grouped by it)
};

/// One parsed page.
struct PageInfo {
    QString nextPageToken;   ///< empty on the last page
    int rows = 0;            ///< rows seen on the page (before the AI filter)
    int kept = 0;            ///< records added
    bool estimated = false;  ///< some day is still "Estimated"
};

/// An AWS JSON 1.1 error body: {"__type": "ns#Name", "message"|"Message": "..."}.
struct AwsError {
    QString type;    ///< the part after '#', e.g. "LimitExceededException"; empty when not an AWS error
    QString message;
};

/// Parses an AWS error body (any status); type empty when the body is not one.
AwsError parseAwsError(const QByteArray &body);
/// True for LimitExceededException / ThrottlingException / TooManyRequestsException / RequestLimitExceeded.
bool isThrottling(const AwsError &error);
/// True for errors that mean the credentials or the signature are wrong (not a permission problem).
bool isAuthError(const AwsError &error);

/// True when a Cost Explorer SERVICE value is Amazon Bedrock spend (first-party or Marketplace).
bool isAiService(const QString &service);
/// True for SageMaker real-time inference hosting ("USE1-Host:ml.g5.12xlarge"): endpoint hours,
/// kept with Bedrock by default (training, notebooks and processing are not).
bool isInferenceHosting(const QString &service, const QString &usageType);

/// AWS region for a usage-type prefix ("USE1-..." → "us-east-1"); empty when unknown.
QString regionFromUsageType(const QString &usageType);

/// Parses one GetCostAndUsage response page into records appended to `out` (which owns their
/// strings). Amounts are parsed from their decimal strings exactly. Bedrock usage types are decoded
/// into model and token kind (Cost::deriveAi); Bedrock rows it cannot decode keep the raw usage type
/// as their model. Returns false with a message naming the field ("ResultsByTime[0].Groups[2]...")
/// on malformed input; `out` may then hold part of the page and must be discarded.
bool parseCostAndUsage(const QByteArray &json, const ParseOptions &options, FetchResult &out, PageInfo *page,
                       QString *error);

/// Replaces the records of `service` in `base` by `split` (the same window and service grouped by
/// USAGE_TYPE and a tag). Where the split of a (day, usage type) does not add up to the base amount,
/// the exact remainder stays as an untagged record, so the window total never changes.
void applyTagSplit(FetchResult &base, const QString &service, const FetchResult &split);

} // namespace Conn::Aws
