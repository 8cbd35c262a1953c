#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace Cost {

/// Streaming RFC 4180 reader: constant memory whatever the file size (the buffer only grows
/// for a single record longer than it). Handles a UTF-8 BOM, LF/CRLF/CR line ends, quoted
/// fields with commas, quotes and newlines. Fields are views valid until the next call.
/// Also hashes the raw bytes, so an identical re-export can be recognised.
class CsvReader {
public:
    enum class Status { Row, End, Error };

    CsvReader() = default;
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    /// Opens a file; false with error() on failure.
    bool open(const std::string &path);
    /// Reads the next non-blank record into `fields`.
    Status next(std::vector<std::string_view> &fields);
    /// 1-based physical line on which the last returned record (or the error) started.
    std::int64_t line() const { return m_recordLine; }
    std::int64_t bytesRead() const { return m_bytesRead; }
    std::int64_t fileSize() const { return m_fileSize; }
    /// 64-bit hash of every byte read so far (complete after Status::End).
    std::uint64_t contentHash() const;
    /// True once any byte read so far is outside ASCII (then fields need a UTF-8 check).
    bool sawNonAscii() const { return (m_high & 0x8080808080808080ULL) != 0; }
    const std::string &error() const { return m_error; }

    /// contentHash() and bytesRead() of the whole file at `path`, read without parsing (an
    /// identical re-import is recognised before any row is parsed). False with `error`.
    static bool hashFile(const std::string &path, std::uint64_t &hash, std::int64_t &bytes, std::string &error);

private:
    bool fill();
    void hashBytes(const char *data, std::size_t size);

    int m_fd = -1;
    std::vector<char> m_buf;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    bool m_first = true;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 0;
    std::int64_t m_bytesRead = 0;
    std::int64_t m_fileSize = 0;
    // Four independent lanes (word i goes to lane i mod 4) so the multiplies overlap.
    std::uint64_t m_lanes[4] = {0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL};
    unsigned m_lane = 0;
    std::uint64_t m_tail = 0;
    unsigned m_tailBytes = 0;
    std::uint64_t m_high = 0; // every byte read, OR-ed (high bits: non-ASCII seen)
    std::string m_error;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_spans; // offsets relative to m_pos
    std::vector<std::uint8_t> m_quoted;
};

} // namespace Cost
