#include "import/csvreader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Cost {

namespace {
constexpr std::size_t kChunk = 1 << 20;

inline std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// High bit set in each byte of `x` equal to `c` (exact for the lowest such byte).
inline std::uint64_t bytesEqual(std::uint64_t x, unsigned char c)
{
    const std::uint64_t v = x ^ (0x0101010101010101ULL * c);
    return (v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL;
}

// Skips eight bytes at a time to the next ',', CR or LF (or near the end of the data).
inline std::size_t scanUnquoted(const char *base, std::size_t p, std::size_t end)
{
    while (p + 8 <= end) {
        std::uint64_t w;
        std::memcpy(&w, base + p, 8);
        const std::uint64_t m = bytesEqual(w, ',') | bytesEqual(w, '\n') | bytesEqual(w, '\r');
        if (m)
            return p + static_cast<std::size_t>(__builtin_ctzll(m) >> 3);
        p += 8;
    }
    return p;
}
} // namespace

CsvReader::~CsvReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool CsvReader::open(const std::string &path)
{
    m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        m_error = std::strerror(errno);
        return false;
    }
    struct stat st {};
    if (::fstat(m_fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            m_error = "is a directory";
            return false;
        }
        m_fileSize = st.st_size;
    }
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    // A small file gets a buffer its size (fill() grows it as needed): a 4 MiB zero-filled buffer
    // per file cost more than parsing a small one (the csv fuzz target ran at 1 input a second).
    const auto size = static_cast<std::size_t>(std::max<std::int64_t>(m_fileSize, 0));
    m_buf.resize(size > 0 && size < 4 * kChunk ? std::max<std::size_t>(size + 1, 4096) : 4 * kChunk);
    return true;
}

void CsvReader::hashBytes(const char *p, std::size_t n)
{
    // Word-at-a-time mixing; independent of how the file is chunked.
    while (n > 0 && m_tailBytes != 0) {
        m_high |= static_cast<unsigned char>(*p);
        m_tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(*p++)) << (8 * m_tailBytes);
        --n;
        if (++m_tailBytes == 8) {
            std::uint64_t &lane = m_lanes[m_lane];
            lane = rotl(lane ^ (m_tail * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
            m_lane = (m_lane + 1) & 3;
            m_tail = 0;
            m_tailBytes = 0;
        }
    }
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        m_high |= w;
        std::uint64_t &lane = m_lanes[m_lane];
        lane = rotl(lane ^ (w * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
        m_lane = (m_lane + 1) & 3;
        p += 8;
        n -= 8;
    }
    while (n > 0) {
        m_high |= static_cast<unsigned char>(*p);
        m_tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(*p++)) << (8 * m_tailBytes);
        ++m_tailBytes;
        --n;
    }
}

std::uint64_t CsvReader::contentHash() const
{
    std::uint64_t h = 0x243f6a8885a308d3ULL;
    for (std::uint64_t lane : m_lanes)
        h = rotl(h ^ lane, 27) * 0x9e3779b97f4a7c15ULL;
    h ^= (m_tail * 0x87c37b91114253d5ULL) ^ static_cast<std::uint64_t>(m_bytesRead);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h ? h : 1;
}

bool CsvReader::hashFile(const std::string &path, std::uint64_t &hash, std::int64_t &bytes, std::string &error)
{
    CsvReader reader;
    if (!reader.open(path)) {
        error = reader.error();
        return false;
    }
    while (reader.fill())
        reader.m_pos = reader.m_end; // consumed: the buffer never grows
    if (!reader.m_error.empty()) {
        error = reader.m_error;
        return false;
    }
    hash = reader.contentHash();
    bytes = reader.m_bytesRead;
    return true;
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
        m_end -= m_pos;
        m_pos = 0;
    }
    if (m_buf.size() - m_end < kChunk)
        m_buf.resize(m_buf.size() * 2);
    const std::size_t want = m_buf.size() - m_end;
    ssize_t got;
    do {
        got = ::read(m_fd, m_buf.data() + m_end, want);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        m_error = std::strerror(errno);
        m_eof = true;
        return false;
    }
    if (got == 0) {
        m_eof = true;
        return false;
    }
    hashBytes(m_buf.data() + m_end, static_cast<std::size_t>(got));
    m_end += static_cast<std::size_t>(got);
    m_bytesRead += got;
    if (m_first) {
        m_first = false;
        if (m_end >= 3 && std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0)
            m_pos = 3;
    }
    return true;
}

CsvReader::Status CsvReader::next(std::vector<std::string_view> &fields)
{
    for (;;) {
        // Scan one record from m_pos without modifying the buffer.
        m_spans.clear();
        m_quoted.clear();
        const char *base = m_buf.data();
        std::size_t p = m_pos;
        const std::size_t end = m_end;
        std::int64_t newlines = 0;
        bool complete = false;
        bool blank = false;
        std::size_t recordEnd = 0;
        bool needMore = false;
        while (true) {
            if (p >= end) {
                if (!m_eof) {
                    needMore = true;
                    break;
                }
                // End of file terminates the last field / record.
                if (m_spans.empty() && p == m_pos) {
                    return m_error.empty() ? Status::End : (m_recordLine = m_line, Status::Error);
                }
                m_spans.emplace_back(static_cast<std::uint32_t>(p - m_pos), 0);
                m_quoted.push_back(0);
                complete = true;
                recordEnd = p;
                break;
            }
            const std::size_t fieldStart = p;
            if (base[p] == '"') {
                ++p;
                bool escaped = false;
                bool closed = false;
                while (p < end) {
                    // Jump to the next quote; count the newlines skipped on the way.
                    const char *q = static_cast<const char *>(std::memchr(base + p, '"', end - p));
                    const std::size_t stop = q ? static_cast<std::size_t>(q - base) : end;
                    for (const char *nl = static_cast<const char *>(std::memchr(base + p, '\n', stop - p)); nl;
                         nl = static_cast<const char *>(std::memchr(nl + 1, '\n', base + stop - nl - 1)))
                        ++newlines;
                    p = stop;
                    if (!q)
                        break;
                    if (p + 1 < end && base[p + 1] == '"') {
                        escaped = true;
                        p += 2;
                        continue;
                    }
                    if (p + 1 >= end && !m_eof)
                        break; // can't tell yet whether this quote is doubled
                    closed = true;
                    break;
                }
                if (!closed) {
                    if (!m_eof) {
                        needMore = true;
                        break;
                    }
                    m_recordLine = m_line;
                    m_error = "unterminated quoted field (is the file truncated?)";
                    return Status::Error;
                }
                m_spans.emplace_back(static_cast<std::uint32_t>(fieldStart + 1 - m_pos),
                                     static_cast<std::uint32_t>(p - fieldStart - 1));
                m_quoted.push_back(escaped ? 2 : 1);
                ++p; // closing quote
                if (p >= end && !m_eof) {
                    needMore = true;
                    break;
                }
                if (p < end && base[p] != ',' && base[p] != '\n' && base[p] != '\r') {
                    m_recordLine = m_line;
                    m_error = "unexpected character after a closing quote";
                    return Status::Error;
                }
            } else {
                p = scanUnquoted(base, p, end);
                while (p < end) {
                    const char c = base[p];
                    if (c == ',' || c == '\n' || c == '\r')
                        break;
                    ++p;
                }
                if (p >= end && !m_eof) {
                    needMore = true;
                    break;
                }
                m_spans.emplace_back(static_cast<std::uint32_t>(fieldStart - m_pos),
                                     static_cast<std::uint32_t>(p - fieldStart));
                m_quoted.push_back(0);
            }
            if (p >= end) {
                complete = true;
                recordEnd = p;
                break;
            }
            if (base[p] == ',') {
                ++p;
                continue;
            }
            // Line end.
            recordEnd = p;
            if (base[p] == '\r') {
                if (p + 1 >= end && !m_eof) {
                    needMore = true;
                    break;
                }
                ++p;
                if (p < end && base[p] == '\n')
                    ++p;
            } else {
                ++p;
            }
            ++newlines;
            complete = true;
            blank = m_spans.size() == 1 && m_spans[0].second == 0 && m_quoted[0] == 0;
            break;
        }
        if (needMore) {
            if (!fill() && !m_eof)
                continue;
            continue;
        }
        if (!complete)
            continue;
        (void)recordEnd;
        m_recordLine = m_line;
        m_line += newlines;
        const std::size_t start = m_pos;
        m_pos = p;
        if (blank)
            continue;
        fields.clear();
        char *mbase = m_buf.data() + start;
        for (std::size_t i = 0; i < m_spans.size(); ++i) {
            char *f = mbase + m_spans[i].first;
            std::size_t len = m_spans[i].second;
            if (m_quoted[i] == 2) { // collapse doubled quotes in place
                std::size_t w = 0;
                for (std::size_t r = 0; r < len; ++r) {
                    f[w++] = f[r];
                    if (f[r] == '"' && r + 1 < len && f[r + 1] == '"')
                        ++r;
                }
                len = w;
            }
            fields.emplace_back(f, len);
        }
        return Status::Row;
    }
}

} // namespace Cost
