#pragma once

#include <QString>

#include <string>

/// Recommendations in the user's words, for the page and the report (the engine's own texts —
/// scope, evidence — are English for the command line).
namespace Recommend {

/// The kind ("smaller_model") as a title ("Smaller model").
QString kindText(const std::string &kind);
/// "summarize on gpt-4o (OpenAI)"; an empty feature is "(unallocated)".
QString scopeText(const std::string &feature, const std::string &model, const std::string &provider);

} // namespace Recommend
