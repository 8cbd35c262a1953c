#pragma once

#include <string>
#include <string_view>

/// The root-cause sentence of an anomaly as parts ("82% from feature agent on claude-3-5-sonnet,
/// output tokens ×9"), so that each language can word it: englishSentence() gives the English the
/// store keeps in `anomaly.explanation` and the command line prints; the app words the same parts
/// with its translations (AnomalyText::explanation). Stored as JSON in `anomaly.explanation_parts`.
namespace Analytics {

struct CausePhrase {
    enum class Kind { None, Evenly, Lead };
    enum class Change { Ratio, New, Gone };
    Kind kind = Kind::None;
    // Lead: the value that carries most of the change, its share of it (0–100 %), and the model
    // ("model") or feature ("feature") inside it that carries most of its change, when one does.
    int percent = 0;
    std::string dimension, value;
    std::string secondDimension, second;
    // Evenly: the anomaly's own series dimension ("feature", "model" or another), which the spread
    // is not over.
    std::string skip;
    // The token kind that moved most ("input", "cached_input", "cache_write", "output", another
    // kind's name, "" = other charges) and how: ×ratio, new, gone.
    bool hasTokenKind = false;
    std::string tokenKind;
    Change change = Change::Ratio;
    double ratio = 0;
};

/// "×9", "×1.5", "×0", "new", "gone" (C locale digits).
std::string englishChange(const CausePhrase &phrase);
/// The English sentence; empty for Kind::None.
std::string englishSentence(const CausePhrase &phrase);

/// JSON for the store; empty for Kind::None.
std::string toJson(const CausePhrase &phrase);
/// Parses toJson()'s text; false (phrase untouched) when it is empty or not a phrase.
bool fromJson(std::string_view json, CausePhrase &phrase);

} // namespace Analytics
