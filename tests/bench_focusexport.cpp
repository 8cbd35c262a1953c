// FOCUS export benchmark (not a test): exports a store as FOCUS 1.2 CSV and prints rows/s.
// Give it a store, or a FOCUS CSV that it first imports into a fresh store in WORKDIR:
//
//   python3 ../shared/tools/gen_focus.py --rows 1000000 > focus1m.csv
//   ./build/tests/bench_focusexport focus1m.csv [WORKDIR]
//   ./build/tests/bench_focusexport store.sqlite [WORKDIR]
#include "export/focusexport.h"
#include "import/focusimporter.h"
#include "store/store.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_focusexport FOCUS.csv|STORE.sqlite [WORKDIR]\n");
        return 2;
    }
    const std::string input = argv[1];
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const bool isStore = input.size() > 7 && input.substr(input.size() - 7) == ".sqlite";
    const std::string storePath = isStore ? input : dir + "/bench_focusexport_store.sqlite";
    const std::string out = dir + "/bench_focusexport.csv";
    using Clock = std::chrono::steady_clock;
    Cost::Store store;
    if (!isStore)
        for (const char *suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(storePath + suffix);
    if (!store.open(storePath)) {
        std::fprintf(stderr, "%s\n", store.error().c_str());
        return 1;
    }
    if (!isStore) {
        const auto t0 = Clock::now();
        Cost::FocusImporter importer(store.db());
        const auto r = importer.importFile(input, Cost::Ingestor::newBatch(store.db()));
        if (!r.ok) {
            std::fprintf(stderr, "%s\n", r.error.toString().c_str());
            return 1;
        }
        std::printf("import: %lld rows in %.2f s\n", static_cast<long long>(r.ingest.rows),
                    std::chrono::duration<double>(Clock::now() - t0).count());
    }
    const auto t0 = Clock::now();
    Export::FocusExportResult result;
    std::string error;
    if (!Export::exportFocus(store.db(), out, {}, {}, nullptr, result, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const double mib = static_cast<double>(std::filesystem::file_size(out)) / (1024.0 * 1024.0);
    std::printf("export-focus: %lld rows (%lld charges, %lld columns) in %.2f s = %.0f rows/s, %.0f MiB (%.0f MiB/s)\n",
                static_cast<long long>(result.rows), static_cast<long long>(result.charges),
                static_cast<long long>(result.columns), seconds, static_cast<double>(result.rows) / seconds, mib,
                mib / seconds);
    std::filesystem::remove(out);
    return 0;
}
