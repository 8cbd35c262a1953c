// Prints how fast telemetry comes in: OTLP JSON export requests of 1,000 GenAI spans each, parsed
// (Telemetry::parseOtlpJson) and stored (Telemetry::ingest) as `burnrate telemetry import` does, then
// the same requests POSTed over loopback to the receiver (`burnrate telemetry serve`), four in
// flight as an SDK's batch exporter keeps them. Usage: bench_telemetry [SPANS] [USERS]
// (default 200,000 spans, 200 users: nearly one stored key per span, the worst case). A benchmark,
// not a test: it prints figures and never fails on a time.
#include "otlp/otlpreceiver.h"
#include "store/store.h"
#include "telemetry/otlpjson.h"
#include "telemetry/telemetrystore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <ctime>
#include <random>
#include <string>
#include <vector>

namespace {

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double wallSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::vector<std::string> makeRequests(int spans, int users, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    const char *features[] = {"chat", "search", "summarize", "classify", "agent"};
    const char *models[][2] = {{"openai", "gpt-4o-2024-08-06"}, {"anthropic", "claude-sonnet-4-20250514"}, {"openai", "gpt-4o-mini"}};
    const std::int64_t day0 = 1772323200; // 2026-03-01
    std::vector<std::string> requests;
    for (int done = 0; done < spans;) {
        std::string body = R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},)"
                           R"("scopeSpans":[{"scope":{"name":"bench"},"spans":[)";
        for (int i = 0; i < 1000 && done < spans; ++i, ++done) {
            const auto &m = models[rng() % 3];
            const std::int64_t start = (day0 + static_cast<std::int64_t>(rng() % (30 * 86400))) * 1'000'000'000;
            char ids[64];
            std::snprintf(ids, sizeof ids, "%016llx%016llx", static_cast<unsigned long long>(rng()), static_cast<unsigned long long>(rng()));
            if (i)
                body += ',';
            body += R"({"traceId":")" + std::string(ids, 32) + R"(","spanId":")" + std::string(ids + 8, 16) + R"(","name":"chat","kind":3,)"
                + R"("startTimeUnixNano":")" + std::to_string(start) + R"(","endTimeUnixNano":")"
                + std::to_string(start + static_cast<std::int64_t>(100 + rng() % 4900) * 1'000'000) + R"(","attributes":[)"
                + R"({"key":"gen_ai.provider.name","value":{"stringValue":")" + m[0] + R"("}},)"
                + R"({"key":"gen_ai.request.model","value":{"stringValue":")" + m[1] + R"("}},)"
                + R"({"key":"gen_ai.usage.input_tokens","value":{"intValue":")" + std::to_string(100 + rng() % 4900) + R"("}},)"
                + R"({"key":"gen_ai.usage.output_tokens","value":{"intValue":")" + std::to_string(10 + rng() % 790) + R"("}},)"
                + R"({"key":"app.feature","value":{"stringValue":")" + features[rng() % 5] + R"("}},)"
                + R"({"key":"user.id","value":{"stringValue":"u-)" + std::to_string(rng() % static_cast<unsigned>(users)) + R"("}}]})";
        }
        body += "]}]}]}";
        requests.push_back(std::move(body));
    }
    return requests;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int spans = argc > 1 ? std::atoi(argv[1]) : 200000;
    const int users = argc > 2 ? std::atoi(argv[2]) : 200;
    QTemporaryDir dir;
    const std::vector<std::string> requests = makeRequests(spans, users, 7);
    std::size_t bytes = 0;
    for (const auto &r : requests)
        bytes += r.size();
    std::printf("%d spans in %zu OTLP JSON requests, %.1f MB, %d users\n", spans, requests.size(), static_cast<double>(bytes) / 1e6, users);

    // 1. telemetry import: parse every request, then one ingest (one transaction), as the CLI does per file.
    {
        Cost::Store store;
        if (!store.open(dir.filePath(QStringLiteral("import.sqlite")).toStdString()))
            return 1;
        const double cpu0 = threadCpuSeconds(), wall0 = wallSeconds();
        std::vector<Telemetry::Usage> usage;
        Telemetry::OtlpSummary summary;
        std::string error;
        for (const auto &r : requests)
            if (!Telemetry::parseOtlpJson(r, {}, usage, summary, error)) {
                std::fprintf(stderr, "%s\n", error.c_str());
                return 1;
            }
        const double parsedCpu = threadCpuSeconds() - cpu0;
        Telemetry::IngestResult result;
        if (!Telemetry::ingest(store.db(), "otlp", usage, result, error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        const double cpu = threadCpuSeconds() - cpu0, wall = wallSeconds() - wall0;
        std::printf("import: parse %.2f s CPU (%.0fk spans/s), parse + store %.2f s CPU, %.2f s wall: %.0fk spans/s (CPU), %lld keys\n",
                    parsedCpu, spans / parsedCpu / 1e3, cpu, wall, spans / cpu / 1e3,
                    static_cast<long long>(store.db().scalar("SELECT count(*) FROM telemetry_usage")));
    }

    // 2. The receiver over loopback: each request answered only once stored.
    {
        Cost::Store store;
        if (!store.open(dir.filePath(QStringLiteral("serve.sqlite")).toStdString()))
            return 1;
        Otlp::Receiver::Options options;
        options.port = 0;
        Otlp::Receiver receiver(store.db(), options);
        std::string error;
        if (!receiver.listen(error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        QNetworkAccessManager net;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/traces").arg(receiver.port())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        // Four requests in flight, as an SDK exporter keeps several (the receiver still stores
        // them one at a time, each before its answer).
        const double wall0 = wallSeconds();
        int failed = 0, finished = 0;
        std::size_t next = 0;
        QEventLoop loop;
        std::function<void()> send = [&] {
            if (next >= requests.size())
                return;
            QNetworkReply *reply = net.post(request, QByteArray::fromStdString(requests[next++]));
            QObject::connect(reply, &QNetworkReply::finished, [&, reply] {
                failed += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200;
                reply->deleteLater();
                if (++finished == static_cast<int>(requests.size()))
                    loop.quit();
                send();
            });
        };
        for (int i = 0; i < 4; ++i)
            send();
        loop.exec();
        const double wall = wallSeconds() - wall0;
        std::printf("receiver: %.2f s wall for %zu requests: %.0fk spans/s, %d refused, %lld calls stored\n", wall, requests.size(),
                    spans / wall / 1e3, failed, static_cast<long long>(receiver.stats().calls));
    }
    return 0;
}
