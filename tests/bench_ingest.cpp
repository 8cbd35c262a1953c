// Ingest benchmark (not a test): imports a FOCUS file into a fresh store and, in the same
// run, times `sqlite3 .import` of the same file into a plain table. Prints rows/s, wall time
// and peak RSS of each (each runs in its own child process, so RSS is its own).
//
//   python3 ../shared/tools/gen_focus.py --rows 1000000 > focus1m.csv
//   ./build/tests/bench_ingest focus1m.csv
#include "import/focusimporter.h"
#include "store/store.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Run {
    double seconds = 0;
    long peakKiB = 0;
    int status = 0;
};

template<typename Fn>
Run inChild(Fn fn)
{
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0)
        _exit(fn());
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    Run r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.peakKiB = ru.ru_maxrss;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ingest FOCUS.csv [WORKDIR]\n");
        return 2;
    }
    const std::string file = argv[1];
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const std::string storePath = dir + "/bench_ingest_store.sqlite";
    const std::string plainPath = dir + "/bench_ingest_plain.sqlite";
    for (const auto &p : {storePath, plainPath})
        for (const char *suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(p + suffix);
    const auto bytes = std::filesystem::file_size(file);

    long long rows = 0;
    int pipefd[2];
    if (pipe(pipefd) != 0)
        return 1;
    const Run ours = inChild([&] {
        Cost::Store store;
        if (!store.open(storePath)) {
            std::fprintf(stderr, "%s\n", store.error().c_str());
            return 1;
        }
        Cost::FocusImporter importer(store.db());
        const auto r = importer.importFile(file, Cost::Ingestor::newBatch(store.db()));
        if (!r.ok) {
            std::fprintf(stderr, "%s\n", r.error.toString().c_str());
            return 1;
        }
        const long long n = r.ingest.rows;
        if (write(pipefd[1], &n, sizeof n) != sizeof n)
            return 1;
        return 0;
    });
    if (read(pipefd[0], &rows, sizeof rows) != sizeof rows)
        rows = 0;

    const Run sqlite = inChild([&] {
        execlp("sqlite3", "sqlite3", plainPath.c_str(), ".mode csv", (".import " + file + " plain").c_str(),
               static_cast<char *>(nullptr));
        return 127;
    });

    std::printf("file: %s (%.1f MiB, %lld rows)\n", file.c_str(), static_cast<double>(bytes) / 1048576.0, rows);
    std::printf("burnrate import : %7.2f s  %9.0f rows/s  peak RSS %6.1f MiB  (exit %d)\n", ours.seconds,
                static_cast<double>(rows) / ours.seconds, static_cast<double>(ours.peakKiB) / 1024.0, ours.status);
    std::printf("sqlite3 .import : %7.2f s  %9.0f rows/s  peak RSS %6.1f MiB  (exit %d)\n", sqlite.seconds,
                static_cast<double>(rows) / sqlite.seconds, static_cast<double>(sqlite.peakKiB) / 1024.0, sqlite.status);
    std::printf("ratio burnrate / sqlite3: %.2fx\n", ours.seconds / sqlite.seconds);
    for (const auto &p : {storePath, plainPath})
        for (const char *suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(p + suffix);
    return ours.status == 0 && sqlite.status == 0 ? 0 : 1;
}
