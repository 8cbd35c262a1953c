#pragma once

#include "domain/costrecord.h"
#include "telemetry/usage.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace Cost {
class SqliteDb;
}

namespace Conn {

/// The records of one fetched window, owning every string they point to. Records hold
/// string_views (Cost::Record); FetchResult::text() copies a string into storage whose
/// addresses never move, so views stay valid as long as the FetchResult lives. Move-only;
/// passed around as std::shared_ptr<FetchResult>.
///
/// Typical use in a connector's parser:
///     Cost::Record r;
///     r.setDim(Cost::Dim::Provider, res.text("OpenAI"));
///     r.setDim(Cost::Dim::Model, res.text(modelName));      // QString or std::string_view
///     r.chargeStart = bucketStart; r.chargeEnd = bucketEnd;
///     r.setAmount(Cost::Amount::Billed, money); r.tokens = n;
///     res.add(r);
class FetchResult {
public:
    FetchResult() = default;
    FetchResult(const FetchResult &) = delete;
    FetchResult &operator=(const FetchResult &) = delete;
    FetchResult(FetchResult &&) = default;
    FetchResult &operator=(FetchResult &&) = default;

    /// A stable view of `s` (equal strings share storage).
    std::string_view text(std::string_view s);
    std::string_view text(const QString &s) { return text(std::string_view(s.toStdString())); }
    std::string_view text(const char *s) { return text(std::string_view(s)); }

    /// Appends a record; its views must come from text() (or be static literals).
    void add(const Cost::Record &record) { m_records.push_back(record); }

    const std::vector<Cost::Record> &records() const { return m_records; }
    std::vector<Cost::Record> &records() { return m_records; }
    std::size_t size() const { return m_records.size(); }
    bool empty() const { return m_records.empty(); }

    /// The model calls of a telemetry window (ConnectorDescriptor::telemetry), instead of records.
    std::vector<Telemetry::Usage> usage;

    /// Free-form note for logs / the sync report (e.g. "3 pages"); never contains a secret.
    QString note;
    /// Requests the connector made for this window (for progress reports and tests).
    int requests = 0;
    /// When the provider answered: its HTTP Date header, else the local clock (UTC epoch seconds;
    /// 0 = not known). A connector that observes state rather than reading a bill dates it so.
    std::int64_t fetchedAt = 0;
    /// Said to the user after a successful sync, one sentence each (e.g. an instance without a
    /// price); never a secret.
    QStringList notices;
    /// Runs on the sync worker inside the window's write transaction, before the records are
    /// checked and stored: a connector whose charges follow from state it keeps in the store (the
    /// Hugging Face connector's observed endpoint states) reads and writes that state here and adds
    /// the window's records, so state and charges commit together or not at all. False with
    /// *error refuses the window (nothing of it is stored).
    std::function<bool(Cost::SqliteDb &db, FetchResult &result, QString *error)> inTransaction;
    /// Bytes that define what inTransaction wrote (part of the window's content hash, so a window
    /// whose state changed is never skipped as an identical re-fetch).
    std::string stateDigest;

private:
    std::deque<std::string> m_storage;
    std::unordered_set<std::string_view> m_index;
    std::vector<Cost::Record> m_records;
};

} // namespace Conn
