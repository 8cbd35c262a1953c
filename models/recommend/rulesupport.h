#pragma once

#include "recommend/recommend.h"

#include <cstdint>
#include <string>

/// What the recommendation rules share: number formatting for evidence, the smaller-model table and
/// building a one-step recommendation (scope, scenario with the period) for recommend() to price.
/// Pure; any thread.
namespace Recommend::Rules {

/// "14,200".
std::string grouped(std::int64_t v);
/// "1,850.83 USD": an exact amount rounded to the cent, for evidence.
std::string money(Cost::BigMoney v, const std::string &currency);
/// "12%" from a share 0–1 (display only).
std::string percent(double share);
/// The same provider's smaller model ("" = none known).
std::string smallerModel(const std::string &model);
/// A step limited to one feature's traffic on one model at one provider.
Simulation::ScenarioStep scopedStep(Simulation::StepType type, const std::string &feature, const std::string &provider,
                                    const std::string &model);
/// A recommendation for one feature on one model with its one-step scenario over `usage`'s period
/// (not yet priced: recommend() evaluates it).
Recommendation candidate(Kind kind, const std::string &feature, const std::string &provider, const std::string &model,
                         double confidence, std::string evidence, Simulation::ScenarioStep step,
                         const Simulation::UsageSnapshot &usage);

} // namespace Recommend::Rules
