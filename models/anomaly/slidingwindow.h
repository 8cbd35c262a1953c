#pragma once

#include <cstddef>
#include <vector>

namespace Analytics {

/// A first-in first-out window kept in one contiguous array: push at the back, drop at the front,
/// index and binary-search like a vector. The detector's timeline lookups (a lower_bound per past
/// cycle for every point) ran on std::deque iterators; on a flat array they cost a fraction.
/// Dropped slots are reclaimed when they make up half the array (amortised O(1) per push).
template <typename T>
class SlidingWindow {
public:
    void push_back(const T &value)
    {
        if (m_head >= kCompactAt && m_head * 2 >= m_data.size()) {
            m_data.erase(m_data.begin(), m_data.begin() + static_cast<std::ptrdiff_t>(m_head));
            m_head = 0;
        }
        m_data.push_back(value);
    }
    void pop_front() { ++m_head; }
    void clear()
    {
        m_data.clear();
        m_head = 0;
    }
    std::size_t size() const { return m_data.size() - m_head; }
    bool empty() const { return size() == 0; }
    const T &front() const { return m_data[m_head]; }
    const T &back() const { return m_data.back(); }
    const T &operator[](std::size_t i) const { return m_data[m_head + i]; }
    const T *begin() const { return m_data.data() + m_head; }
    const T *end() const { return m_data.data() + m_data.size(); }

private:
    static constexpr std::size_t kCompactAt = 64;
    std::vector<T> m_data;
    std::size_t m_head = 0; ///< index of the front element in m_data
};

} // namespace Analytics
