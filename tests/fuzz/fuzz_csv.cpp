// CSV reader + FOCUS row parser, the way FocusImporter drives them: header, then every row into
// a Record until the first bad one (the model / tags derivation that follows is fuzz_aidimensions).
// The reader only reads file descriptors, so the input goes into a memfd (memory, never the disk)
// that it opens by path.
#include "import/csvreader.h"
#include "import/focusrowparser.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace {

// One memory file for the process, rewritten per input.
const std::string &memoryFile(int &fd)
{
    static int file = ::memfd_create("fuzz_csv", MFD_CLOEXEC);
    static const std::string path = "/proc/self/fd/" + std::to_string(file);
    if (file < 0)
        std::abort();
    fd = file;
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    int fd = -1;
    const std::string &path = memoryFile(fd);
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size))
        std::abort();

    Cost::CsvReader reader;
    if (!reader.open(path))
        std::abort();
    std::vector<std::string_view> fields;
    if (reader.next(fields) != Cost::CsvReader::Status::Row)
        return 0;
    Cost::FocusRowParser parser;
    if (!parser.setHeader(fields))
        return 0;
    Cost::Record record;
    while (reader.next(fields) == Cost::CsvReader::Status::Row) {
        parser.setCheckUtf8(reader.sawNonAscii());
        if (!parser.parse(fields, record))
            return 0; // the importer stops at the first bad row
    }
    (void)reader.contentHash();
    return 0;
}
