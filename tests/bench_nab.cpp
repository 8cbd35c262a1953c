// Scores Analytics::AnomalyDetector on the Numenta Anomaly Benchmark series the way
// `burnrate detect` + shared/tools/nab_score.py do (NAB standard profile, one threshold swept over
// all files, the first 15% of each file (at most 750 rows) a probation that is not scored), and
// tunes it honestly: with --grid, every combination of the given values is run, and each category
// is scored with the combination that did best on the other categories (leave one category out).
// A tuning tool, not a test: it prints figures and never fails on them.
//
//   bench_nab NAB_DIR [--params "name=value;..."] [--grid name=v1,v2,...]... [--files]
//
// NAB_DIR holds data/<category>/<series>.csv and labels/combined_windows.json (as in
// shared/data/nab). --params sets the base options (names as in anomaly/detectorparams.h);
// --files lists each series: its windows (where in the window the first alert came, or MISS) and
// its false alarms, at the corpus-optimal threshold.
#include "anomaly/anomalydetector.h"
#include "anomaly/detectorparams.h"
#include "domain/timeparse.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Series {
    std::string name;     // category/file.csv
    std::string category;
    std::vector<std::int64_t> times;
    std::vector<double> values;
    std::vector<std::pair<std::size_t, std::size_t>> windows; // row ranges, inclusive
};

using Scores = std::vector<std::vector<double>>; // per series, per row

bool loadCorpus(const std::string &dir, std::vector<Series> &corpus)
{
    std::ifstream labels(dir + "/labels/combined_windows.json");
    if (!labels) {
        std::fprintf(stderr, "bench_nab: cannot read %s/labels/combined_windows.json\n", dir.c_str());
        return false;
    }
    const nlohmann::json windows = nlohmann::json::parse(labels, nullptr, false);
    if (!windows.is_object()) {
        std::fprintf(stderr, "bench_nab: combined_windows.json is not a JSON object\n");
        return false;
    }
    for (auto it = windows.begin(); it != windows.end(); ++it) {
        std::ifstream in(dir + "/data/" + it.key());
        if (!in)
            continue; // the labels cover all of NAB; the folder may hold a subset
        Series s;
        s.name = it.key();
        s.category = s.name.substr(0, s.name.find('/'));
        std::map<std::string, std::size_t> rowOf;
        std::string line;
        std::getline(in, line); // header
        while (std::getline(in, line)) {
            const std::size_t comma = line.find(',');
            std::int64_t t = 0;
            const std::string stamp = line.substr(0, std::min<std::size_t>(comma, 19));
            if (comma == std::string::npos || !Cost::parseTimestamp(stamp, t)) {
                std::fprintf(stderr, "bench_nab: %s: cannot read '%s'\n", s.name.c_str(), line.c_str());
                return false;
            }
            rowOf[stamp] = s.times.size();
            s.times.push_back(t);
            s.values.push_back(std::strtod(line.c_str() + comma + 1, nullptr));
        }
        for (const auto &w : it.value()) {
            const auto a = rowOf.find(w[0].get<std::string>().substr(0, 19));
            const auto b = rowOf.find(w[1].get<std::string>().substr(0, 19));
            if (a == rowOf.end() || b == rowOf.end()) {
                std::fprintf(stderr, "bench_nab: %s: a window's edge is not a row\n", s.name.c_str());
                return false;
            }
            s.windows.push_back({a->second, b->second});
        }
        corpus.push_back(std::move(s));
    }
    return !corpus.empty();
}

Scores run(const std::vector<Series> &corpus, const Analytics::AnomalyDetectorOptions &options)
{
    Scores scores(corpus.size());
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        Analytics::AnomalyDetector detector(options);
        for (std::size_t j = 0; j < corpus[i].values.size(); ++j) // rounded as `burnrate detect` writes it
            scores[i].push_back(std::round(detector.update(corpus[i].times[j], corpus[i].values[j]) * 1e6) / 1e6);
    }
    return scores;
}

std::size_t probation(const Series &s) { return std::min<std::size_t>(static_cast<std::size_t>(std::floor(0.15 * static_cast<double>(s.values.size()))), 750); }

double sigmoid(double y) { return y > 3.0 ? -1.0 : 2.0 / (1.0 + std::exp(5.0 * y)) - 1.0; }

// Per row: the window it is in (-1 outside) and what an alert there scores (NAB standard profile).
struct RowWeight {
    int window;
    double weight;
};

std::vector<RowWeight> rowWeights(const Series &s)
{
    constexpr double tp = 1.0, fp = 0.11;
    std::vector<RowWeight> out(s.values.size(), {-1, 0.0});
    for (std::size_t k = 0; k < s.windows.size(); ++k)
        for (std::size_t i = s.windows[k].first; i <= s.windows[k].second; ++i)
            out[i].window = static_cast<int>(k);
    long prevEnd = -1, prevWidth = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].window >= 0) {
            const auto [l, r] = s.windows[static_cast<std::size_t>(out[i].window)];
            out[i].weight = sigmoid(-static_cast<double>(r - i + 1) / static_cast<double>(r - l + 1)) * tp / sigmoid(-1.0);
            if (i == r)
                prevEnd = static_cast<long>(r), prevWidth = static_cast<long>(r - l + 1);
        } else {
            out[i].weight = prevEnd < 0 ? -fp
                                        : sigmoid(static_cast<double>(static_cast<long>(i) - prevEnd) / static_cast<double>(prevWidth - 1)) * fp;
        }
    }
    return out;
}

struct NabScore {
    double optimal = 0, atDefault = 0, threshold = 1.1;
};

// NAB's normalised score over the chosen series: at the threshold that maximises it, and at 0.5.
NabScore nab(const std::vector<Series> &corpus, const std::vector<std::size_t> &chosen, const Scores &scores)
{
    struct Event {
        double score;
        std::size_t series;
        int window;
        double weight;
    };
    std::vector<Event> events;
    double windows = 0;
    for (std::size_t i : chosen) {
        const std::vector<RowWeight> w = rowWeights(corpus[i]);
        windows += static_cast<double>(corpus[i].windows.size());
        for (std::size_t j = probation(corpus[i]); j < w.size(); ++j)
            events.push_back({scores[i][j], i, w[j].window, w[j].weight});
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.score > b.score; });
    const double worst = -windows, best = windows;
    auto normalised = [&](double raw) { return 100.0 * (raw - worst) / (best - worst); };
    std::map<std::pair<std::size_t, int>, double> found; // best weight per detected window
    double total = -windows, optimal = total;
    NabScore out;
    bool defaultSeen = false;
    for (std::size_t i = 0; i < events.size();) {
        const double threshold = events[i].score;
        if (!defaultSeen && threshold < 0.5)
            out.atDefault = normalised(total), defaultSeen = true;
        for (; i < events.size() && events[i].score == threshold; ++i) {
            const Event &e = events[i];
            if (e.window < 0) {
                total += e.weight;
                continue;
            }
            const auto [it, fresh] = found.emplace(std::make_pair(e.series, e.window), e.weight);
            if (fresh)
                total += e.weight + 1.0;
            else if (e.weight > it->second)
                total += e.weight - it->second, it->second = e.weight;
        }
        if (total > optimal)
            optimal = total, out.threshold = threshold;
    }
    if (!defaultSeen)
        out.atDefault = normalised(total);
    out.optimal = normalised(optimal);
    return out;
}

std::vector<std::size_t> select(const std::vector<Series> &corpus, const std::string &category, bool inside)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < corpus.size(); ++i)
        if ((corpus[i].category == category) == inside)
            out.push_back(i);
    return out;
}

int falseAlarms(const std::vector<Series> &corpus, const std::vector<std::size_t> &chosen, const Scores &scores, double threshold)
{
    int n = 0;
    for (std::size_t i : chosen) {
        const std::vector<RowWeight> w = rowWeights(corpus[i]);
        for (std::size_t j = probation(corpus[i]); j < w.size(); ++j)
            n += w[j].window < 0 && scores[i][j] >= threshold;
    }
    return n;
}

void printFiles(const std::vector<Series> &corpus, const Scores &scores, double threshold)
{
    std::printf("\nper series at threshold %.4f: first alert's place in each window (%% of its width), false alarms\n", threshold);
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        std::string windows;
        for (const auto &[l, r] : corpus[i].windows) {
            std::string place = "MISS";
            for (std::size_t j = std::max(l, probation(corpus[i])); j <= r; ++j) {
                if (scores[i][j] >= threshold) {
                    place = std::to_string(100 * (j - l) / (r - l + 1)) + "%";
                    break;
                }
            }
            windows += " " + place;
        }
        std::printf("  %-56s false alarms %3d  windows:%s\n", corpus[i].name.c_str(), falseAlarms(corpus, {i}, scores, threshold),
                    windows.c_str());
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_nab NAB_DIR [--params \"name=value;...\"] [--grid name=v1,v2,...]... [--files]\n");
        return 2;
    }
    std::vector<Series> corpus;
    if (!loadCorpus(argv[1], corpus))
        return 1;
    std::string base;
    std::vector<std::pair<std::string, std::vector<std::string>>> axes;
    bool files = false;
    for (int a = 2; a < argc; ++a) {
        const std::string arg = argv[a];
        if (arg == "--params" && a + 1 < argc) {
            base = argv[++a];
        } else if (arg == "--grid" && a + 1 < argc) {
            const std::string axis = argv[++a];
            const std::size_t eq = axis.find('=');
            std::vector<std::string> values;
            std::stringstream list(eq == std::string::npos ? std::string() : axis.substr(eq + 1));
            for (std::string v; std::getline(list, v, ',');)
                values.push_back(v);
            if (values.empty()) {
                std::fprintf(stderr, "bench_nab: --grid wants name=v1,v2,...\n");
                return 2;
            }
            axes.push_back({axis.substr(0, eq), values});
        } else if (arg == "--files") {
            files = true;
        } else {
            std::fprintf(stderr, "bench_nab: unknown argument '%s'\n", arg.c_str());
            return 2;
        }
    }
    std::vector<std::string> settings{base};
    for (const auto &[name, values] : axes) {
        std::vector<std::string> next;
        for (const std::string &s : settings)
            for (const std::string &v : values)
                next.push_back(s + ";" + name + "=" + v);
        settings = next;
    }
    std::set<std::string> categories;
    for (const Series &s : corpus)
        categories.insert(s.category);
    std::vector<std::size_t> all(corpus.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    std::printf("%zu series in %zu categories; NAB standard profile, optimal threshold / default 0.5\n", corpus.size(), categories.size());

    std::vector<Scores> runs;
    for (const std::string &setting : settings) {
        Analytics::AnomalyDetectorOptions options;
        if (const std::string error = Analytics::applyDetectorParams(setting, options); !error.empty()) {
            std::fprintf(stderr, "bench_nab: %s\n", error.c_str());
            return 2;
        }
        runs.push_back(run(corpus, options));
        const NabScore s = nab(corpus, all, runs.back());
        std::printf("  all %zu: %5.1f / %5.1f  (threshold %.4f)  %s\n", corpus.size(), s.optimal, s.atDefault, s.threshold,
                    setting.empty() ? "defaults" : setting.c_str());
    }

    // Each category with the setting that scored best on the others; with one setting this is just
    // that setting per category.
    Scores heldOut(corpus.size());
    std::printf("\n%s\n", settings.size() > 1 ? "leave one category out (setting chosen on the other categories):" : "per category:");
    for (const std::string &category : categories) {
        std::size_t pick = 0;
        double bestTrain = -1e300;
        for (std::size_t k = 0; k < runs.size() && settings.size() > 1; ++k) {
            const double train = nab(corpus, select(corpus, category, false), runs[k]).optimal;
            if (train > bestTrain)
                bestTrain = train, pick = k;
        }
        const std::vector<std::size_t> test = select(corpus, category, true);
        const NabScore s = nab(corpus, test, runs[pick]);
        const bool scored = std::any_of(test.begin(), test.end(), [&](std::size_t i) { return !corpus[i].windows.empty(); });
        char figures[64];
        std::snprintf(figures, sizeof figures, scored ? "%5.1f / %5.1f" : "  (no windows)", s.optimal, s.atDefault);
        std::printf("  %-24s %s  false alarms at 0.5: %3d  %s\n", category.c_str(), figures, falseAlarms(corpus, test, runs[pick], 0.5),
                    settings.size() > 1 ? settings[pick].c_str() : "");
        for (std::size_t i : test)
            heldOut[i] = runs[pick][i];
    }
    const NabScore s = nab(corpus, all, heldOut);
    std::printf("  %-24s %5.1f / %5.1f  false alarms at 0.5: %3d%s\n", ("all " + std::to_string(corpus.size())).c_str(), s.optimal,
                s.atDefault, falseAlarms(corpus, all, heldOut, 0.5), settings.size() > 1 ? "  (held out)" : "");
    if (files)
        printFiles(corpus, heldOut, s.threshold);
    return 0;
}
