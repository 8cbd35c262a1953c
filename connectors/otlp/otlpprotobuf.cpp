#include "otlp/otlpprotobuf.h"

#include "telemetry/otlpspan.h"

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

#include <limits>

namespace Otlp {

namespace {

namespace pb = opentelemetry::proto;

Telemetry::AttrValue valueOf(const pb::common::v1::AnyValue &value)
{
    Telemetry::AttrValue v;
    switch (value.value_case()) {
    case pb::common::v1::AnyValue::kStringValue:
        v.text = value.string_value();
        v.shown = '"' + value.string_value() + '"';
        break;
    case pb::common::v1::AnyValue::kIntValue:
        if (value.int_value() >= 0)
            v.count = value.int_value();
        v.text = std::to_string(value.int_value());
        v.shown = *v.text;
        break;
    case pb::common::v1::AnyValue::kDoubleValue: {
        const double x = value.double_value();
        if (x >= 0 && x < 9e15 && x == static_cast<double>(static_cast<std::int64_t>(x)))
            v.count = static_cast<std::int64_t>(x);
        v.shown = std::to_string(x);
        break;
    }
    default: v.shown = "a value that is neither text nor a number"; break;
    }
    return v;
}

void readAttributes(const google::protobuf::RepeatedPtrField<pb::common::v1::KeyValue> &list,
                    const Telemetry::Mapping &mapping, Telemetry::AttrSet &out)
{
    for (const auto &kv : list)
        if (Telemetry::wanted(kv.key(), mapping))
            out.add(kv.key(), valueOf(kv.value()));
}

std::optional<std::int64_t> nanos(std::uint64_t v)
{
    if (v == 0 || v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return std::nullopt;
    return static_cast<std::int64_t>(v);
}

} // namespace

bool parseOtlpProtobuf(std::string_view body, const Telemetry::Mapping &mapping, std::vector<Telemetry::Usage> &out,
                       Telemetry::OtlpSummary &summary, std::string &error)
{
    pb::collector::trace::v1::ExportTraceServiceRequest request;
    if (body.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())
        || !request.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
        error = "not a protobuf ExportTraceServiceRequest (" + std::to_string(body.size()) + " bytes)";
        return false;
    }
    std::vector<Telemetry::Usage> parsed;
    Telemetry::OtlpSummary counted;
    Telemetry::SpanData span;
    for (int r = 0; r < request.resource_spans_size(); ++r) {
        const auto &rs = request.resource_spans(r);
        Telemetry::AttrSet resource;
        readAttributes(rs.resource().attributes(), mapping, resource);
        for (int s = 0; s < rs.scope_spans_size(); ++s) {
            const auto &ss = rs.scope_spans(s);
            for (int i = 0; i < ss.spans_size(); ++i) {
                const auto &ps = ss.spans(i);
                ++counted.spans;
                span.attrs.clear();
                readAttributes(ps.attributes(), mapping, span.attrs);
                span.startNs = nanos(ps.start_time_unix_nano());
                span.endNs = nanos(ps.end_time_unix_nano());
                span.traceId = Telemetry::hex(ps.trace_id());
                span.spanId = Telemetry::hex(ps.span_id());
                const std::string where = "resourceSpans[" + std::to_string(r) + "].scopeSpans[" + std::to_string(s) + "].spans["
                    + std::to_string(i) + "]";
                bool isCall = false;
                if (!Telemetry::spanUsage(span, resource, mapping, where, parsed, isCall, error))
                    return false;
                counted.modelCalls += isCall;
            }
        }
    }
    Telemetry::appendRequest(parsed, counted, out, summary);
    return true;
}

std::string exportResponse(std::int64_t rejected, const std::string &message)
{
    pb::collector::trace::v1::ExportTraceServiceResponse response;
    if (rejected > 0) {
        response.mutable_partial_success()->set_rejected_spans(rejected);
        response.mutable_partial_success()->set_error_message(message);
    }
    return response.SerializeAsString();
}

} // namespace Otlp
