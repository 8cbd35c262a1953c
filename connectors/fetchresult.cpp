#include "fetchresult.h"

namespace Conn {

std::string_view FetchResult::text(std::string_view s)
{
    if (s.empty())
        return {};
    const auto it = m_index.find(s);
    if (it != m_index.end())
        return *it;
    // std::deque never moves its elements on push_back, so views into them stay valid.
    const std::string &stored = m_storage.emplace_back(s);
    const std::string_view view(stored.data(), stored.size());
    m_index.insert(view);
    return view;
}

} // namespace Conn
