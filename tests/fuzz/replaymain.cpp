// Replays a libFuzzer target over corpus directories without libFuzzer (the gcc build and CI):
// every regular file of each directory given goes through LLVMFuzzerTestOneInput once. A crash,
// a sanitizer report or an exception escaping the target fails the run.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR...\n", argv[0]);
        return 2;
    }
    std::size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        if (!fs::is_directory(argv[i], ec)) {
            std::fprintf(stderr, "%s: not a directory\n", argv[i]);
            return 2;
        }
        std::vector<fs::path> files;
        for (const auto &entry : fs::directory_iterator(argv[i]))
            if (entry.is_regular_file())
                files.push_back(entry.path());
        std::sort(files.begin(), files.end()); // a stable order makes a failure reproducible
        for (const auto &file : files) {
            std::ifstream in(file, std::ios::binary);
            const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            try {
                LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
            } catch (const std::exception &e) {
                std::fprintf(stderr, "%s: uncaught exception: %s\n", file.c_str(), e.what());
                return 1;
            } catch (...) {
                std::fprintf(stderr, "%s: uncaught exception\n", file.c_str());
                return 1;
            }
            ++inputs;
        }
    }
    std::printf("%zu inputs replayed\n", inputs);
    return inputs > 0 ? 0 : 1; // an empty corpus replays nothing: a misconfigured test
}
