#include "reportrecord.h"

namespace Conn {

Cost::Record adminReportRecord(FetchResult &result, const char *vendor, const char *service, const QString &organization,
                               std::int64_t start, std::int64_t end)
{
    Cost::Record r;
    r.setDim(Cost::Dim::Provider, vendor);
    r.setDim(Cost::Dim::Publisher, vendor);
    r.setDim(Cost::Dim::InvoiceIssuer, vendor);
    r.setDim(Cost::Dim::Service, service);
    r.setDim(Cost::Dim::ServiceCategory, "AI and Machine Learning");
    r.setDim(Cost::Dim::ServiceSubcategory, "Generative AI");
    r.setDim(Cost::Dim::BillingAccount, result.text(organization));
    r.setDim(Cost::Dim::ChargeCategory, "Usage");
    r.setDim(Cost::Dim::ChargeFrequency, "Usage-Based");
    r.chargeStart = start;
    r.chargeEnd = end;
    return r;
}

} // namespace Conn
