#include "endpoints/endpointbackfill.h"

#include "allocation/interner.h"
#include "endpoints/endpointdecoder.h"

#include <cstdint>
#include <vector>

namespace Endpoints {

namespace {

std::string text(const char *column)
{
    return std::string("coalesce((SELECT s FROM dict WHERE id = c.") + column + "), '')";
}

} // namespace

bool decodeStoredCombos(Cost::SqliteDb &db, std::string &error)
{
    struct Decoded {
        std::int64_t combo;
        EndpointDerived derived;
    };
    std::vector<Decoded> found;
    {
        Cost::SqliteStmt st(db, "SELECT c.id, " + text("provider") + ", " + text("service") + ", " + text("usage_type") + ", "
                                    + text("sku_meter") + ", " + text("resource_id") + ", " + text("resource_name") + ", "
                                    + text("charge_description") + ", " + text("tags") + ", " + text("model")
                                    + " FROM combo c WHERE c.endpoint = 0");
        while (st.step()) {
            EndpointHints h;
            h.provider = st.text(1);
            h.service = st.text(2);
            h.usageType = st.text(3);
            h.skuMeter = st.text(4);
            h.resourceId = st.text(5);
            h.resourceName = st.text(6);
            h.chargeDescription = st.text(7);
            h.tags = st.text(8);
            h.model = st.text(9);
            EndpointDerived derived = deriveEndpoint(h);
            if (derived.any())
                found.push_back({st.int64(0), std::move(derived)});
        }
        if (!st.error().empty()) {
            error = "cannot read the stored combinations: " + st.error();
            return false;
        }
    }
    Allocation::Interner interner(db);
    Cost::SqliteStmt update(db, "UPDATE combo SET endpoint = ?2, instance_type = ?3, accelerator = ?4, served_model = ?5 WHERE id = ?1");
    for (const Decoded &d : found) {
        update.bind(1, d.combo);
        update.bind(2, static_cast<std::int64_t>(interner.id(d.derived.endpoint)));
        update.bind(3, static_cast<std::int64_t>(interner.id(d.derived.instanceType)));
        update.bind(4, static_cast<std::int64_t>(interner.id(d.derived.accelerator)));
        update.bind(5, static_cast<std::int64_t>(interner.id(d.derived.servedModel)));
        if (!update.exec()) {
            error = "cannot store a decoded endpoint: " + update.error();
            return false;
        }
    }
    return true;
}

} // namespace Endpoints
