// Prints how fast telemetry comes in: OTLP JSON export requests of 1,000 GenAI spans each, parsed
// (Telemetry::parseOtlpJson) and stored (Telemetry::ingest) as `burnrate telemetry import` does, then
// the same requests POSTed over loopback to the receiver (`burnrate telemetry serve`), four in
// flight as an SDK's batch exporter keeps them. Usage: bench_telemetry [SPANS] [USERS] [live]
// (default 200,000 spans, 200 users: nearly one stored key per span, the worst case). A benchmark,
// not a test: it prints figures and never fails on a time.
#include "otlp/otlpreceiver.h"
#include "otlp/receiverservice.h"
#include "store/store.h"
#include "telemetry/otlpjson.h"
#include "telemetry/otlpimport.h"
#include "telemetry/otlplines.h"
#include "telemetry/telemetrystore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
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

// `live`: the spans in time order over one day, as an application's exporter sends them while they
// happen; otherwise each request's spans are spread at random over 30 days (a file of old spans:
// the worst case for the store, every request touching keys all over the table).
std::vector<std::string> makeRequests(int spans, int users, bool live, std::uint64_t seed)
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
            const std::int64_t offset = live ? static_cast<std::int64_t>(done) * 86400 / spans : static_cast<std::int64_t>(rng() % (30 * 86400));
            const std::int64_t start = (day0 + offset) * 1'000'000'000;
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
    const bool live = argc > 3 && std::string(argv[3]) == "live";
    QTemporaryDir dir;
    const std::vector<std::string> requests = makeRequests(spans, users, live, 7);
    std::size_t bytes = 0;
    for (const auto &r : requests)
        bytes += r.size();
    std::printf("%d spans in %zu OTLP JSON requests, %.1f MB, %d users, %s\n", spans, requests.size(), static_cast<double>(bytes) / 1e6, users,
                live ? "live (in time order over a day)" : "each request spread over 30 days");

    // 1. telemetry import, as the CLI reads a file (one request per line): parsing alone on every
    // core, then Telemetry::importOtlpLines — later pieces parsed while earlier ones are stored, one
    // transaction.
    {
        std::string file;
        for (const auto &r : requests)
            file += r + '\n';
        if (const char *path = std::getenv("BENCH_TELEMETRY_FILE")) { // the same spans for `burnrate telemetry import`
            if (FILE *f = std::fopen(path, "wb")) {
                std::fwrite(file.data(), 1, file.size(), f);
                std::fclose(f);
            }
        }
        std::string error;
        {
            std::vector<Telemetry::Usage> usage;
            Telemetry::OtlpSummary summary;
            const double wall0 = wallSeconds();
            if (!Telemetry::parseOtlpLines(file, {}, usage, summary, error)) {
                std::fprintf(stderr, "%s\n", error.c_str());
                return 1;
            }
            const double wall = wallSeconds() - wall0;
            std::printf("parse only (every core): %.2f s wall, %.0fk spans/s\n", wall, spans / wall / 1e3);
        }
        Cost::Store store;
        if (!store.open(dir.filePath(QStringLiteral("import.sqlite")).toStdString()))
            return 1;
        Telemetry::IngestResult result;
        Telemetry::OtlpSummary summary;
        const double wall0 = wallSeconds(), cpu0 = threadCpuSeconds();
        if (!Telemetry::importOtlpLines(store.db(), "otlp", file, {}, result, summary, error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        const double wall = wallSeconds() - wall0, cpu = threadCpuSeconds() - cpu0;
        std::printf("import (parse while storing, one transaction): %.2f s wall: %.0fk spans/s; the storing thread %.2f s CPU; %lld keys\n",
                    wall, spans / wall / 1e3, cpu, static_cast<long long>(store.db().scalar("SELECT count(*) FROM telemetry_usage")));
    }

    // 2. The receiver over loopback: each request answered only once stored. The receiver runs on
    // its own I/O thread with its own store connection (ReceiverService, as in the app; `telemetry
    // serve` is a process of its own): the client here must not share its thread.
    {
        const QString path = dir.filePath(QStringLiteral("serve.sqlite"));
        {
            Cost::Store create; // the schema, before the service opens it
            if (!create.open(path.toStdString()))
                return 1;
        }
        Otlp::ReceiverService service(path);
        quint16 port = 0;
        qint64 stored = 0, refused = 0;
        QEventLoop ready;
        QObject::connect(&service, &Otlp::ReceiverService::started, [&](const QString &, quint16 p) {
            port = p;
            ready.quit();
        });
        QObject::connect(&service, &Otlp::ReceiverService::failed, [&](const QString &why) {
            std::fprintf(stderr, "%s\n", qPrintable(why));
            ready.quit();
        });
        QObject::connect(&service, &Otlp::ReceiverService::stored, [&](qint64 calls, qint64) { stored += calls; });
        QObject::connect(&service, &Otlp::ReceiverService::refused, [&](int, const QString &) { ++refused; });
        Otlp::Receiver::Options options;
        options.port = 0;
        service.start(options);
        ready.exec();
        if (port == 0)
            return 1;
        QNetworkAccessManager net;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/traces").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        // Four requests in flight, as an SDK exporter keeps several (the receiver still stores
        // them one at a time, each before its answer). A 429 is sent again after its pause.
        const double wall0 = wallSeconds();
        int failed = 0, finished = 0, behind = 0;
        std::size_t next = 0;
        QEventLoop loop;
        std::function<void(std::size_t)> send = [&](std::size_t index) {
            QNetworkReply *reply = net.post(request, QByteArray::fromStdString(requests[index]));
            QObject::connect(reply, &QNetworkReply::finished, [&, reply, index] {
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const int pause = reply->rawHeader("Retry-After").toInt();
                reply->deleteLater();
                if (status == 429) {
                    ++behind;
                    QTimer::singleShot(std::max(pause, 1) * 1000, [&, index] { send(index); });
                    return;
                }
                failed += status != 200;
                if (++finished == static_cast<int>(requests.size()))
                    loop.quit();
                if (next < requests.size())
                    send(next++);
            });
        };
        for (int i = 0; i < 4 && next < requests.size(); ++i)
            send(next++);
        loop.exec();
        const double wall = wallSeconds() - wall0;
        QEventLoop drain; // the last stored() signal may still be on its way from the I/O thread
        QTimer::singleShot(200, &drain, &QEventLoop::quit);
        drain.exec();
        std::printf("receiver: %.2f s wall for %zu requests: %.0fk spans/s, %d failed, %d answered 429 (sent again), %lld calls stored\n",
                    wall, requests.size(), spans / wall / 1e3, failed, behind, static_cast<long long>(stored));
        service.stop();
    }
    return 0;
}
