#pragma once

// Header-only helpers of the bucket-source tests (tst_s3focus, tst_azureblobfocus): the tests'
// own gzip, generated FOCUS parts of a month with the billed texts kept for exact sums, and
// listing times. Header-only because burnrate_test_support does not link burnrate_connectors.

#include "testsupport.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <zlib.h>

namespace FocusBucketTest {

// The test's own gzip (zlib's deflate, gzip wrapper), independent of the product's inflater.
inline QByteArray gzip(const QByteArray &data)
{
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(static_cast<qsizetype>(deflateBound(&zs, static_cast<uLong>(data.size()))) + 32, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(static_cast<qsizetype>(zs.total_out));
    deflateEnd(&zs);
    return out;
}

// One part of a month's FOCUS export: Bedrock input and output rows for days [first, last];
// `run` changes the amounts (a restated run). The billed texts go to *billed for the test's sums.
inline QByteArray focusPart(int month, int first, int last, int run, QStringList *billed)
{
    const QDate period(2025, month, 1);
    QByteArray csv = "BilledCost,EffectiveCost,BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,"
                     "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceProviderName,ServiceName,ConsumedQuantity,"
                     "ConsumedUnit,SkuMeter\n";
    const QByteArray ps = period.toString(Qt::ISODate).toLatin1() + "T00:00:00Z";
    const QByteArray pe = period.addMonths(1).toString(Qt::ISODate).toLatin1() + "T00:00:00Z";
    for (int d = first; d <= last; ++d) {
        const QDate day(2025, month, d);
        const QByteArray cs = day.toString(Qt::ISODate).toLatin1() + "T00:00:00Z";
        const QByteArray ce = day.addDays(1).toString(Qt::ISODate).toLatin1() + "T00:00:00Z";
        for (int kind = 0; kind < 2; ++kind) {
            const QByteArray amount = QByteArray::number(d + kind) + "." + QByteArray::number(run) + "000000003";
            *billed << QString::fromLatin1(amount);
            csv += amount + "," + amount + ",111122223333,USD," + ps + "," + pe + "," + cs + "," + ce
                + ",Usage,Amazon Web Services,Amazon Bedrock,1000," + (kind ? "Tokens,Output tokens\n" : "Tokens,Input tokens\n");
        }
    }
    return csv;
}

inline QString sum(const QStringList &values)
{
    QString s;
    if (!TestSupport::decimalSum(values, &s))
        qFatal("not decimals");
    return s;
}

/// 2025-04-<day> <hour>:00 UTC: when an object was written.
inline QDateTime at(int day, int hour = 6) { return QDateTime(QDate(2025, 4, day), QTime(hour, 0), QTimeZone::utc()); }

} // namespace FocusBucketTest
