#include "core/agreement/agreement_report.h"

#include "core/agreement/reliability.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace actionlens::agreement {

namespace {

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

// One coding unit: a subject's frame, with each annotator's category (kMissing: not coded).
struct Unit {
    std::int64_t subjectId = 0;
    std::int64_t frame = 0;
    std::vector<int> codes;
};

struct VideoCoding {
    std::vector<Unit> units;
    std::vector<std::vector<CodedSegment>> segments;  // per annotator
    std::vector<bool> coded;                          // per annotator: coded the video
};

VideoCoding codeVideo(const std::vector<annotation::Segment>& segments, const std::string& task,
                      const std::vector<std::string>& annotators, std::map<std::string, int>& categories,
                      const std::vector<std::string>& only) {
    VideoCoding out;
    out.segments.resize(annotators.size());
    out.coded.assign(annotators.size(), false);
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < annotators.size(); ++i) index[annotators[i]] = i;
    // (subject, frame) -> per annotator label
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<int>> frames;
    for (const annotation::Segment& s : segments) {
        if (annotation::isModelPrediction(s)) continue;
        auto who = index.find(s.annotator);
        if (who == index.end()) continue;
        if (!only.empty() && std::find(only.begin(), only.end(), s.annotator) == only.end()) continue;
        out.coded[who->second] = true;
        auto label = s.labels.find(task);
        if (label == s.labels.end()) continue;
        out.segments[who->second].push_back({s.subjectId, label->second, s.firstFrame, s.lastFrame});
        auto [it, fresh] = categories.emplace(label->second, int(categories.size()));
        for (std::int64_t f = s.firstFrame; f <= s.lastFrame; ++f) {
            auto& codes = frames[{s.subjectId, f}];
            if (codes.empty()) codes.assign(annotators.size(), kMissing);
            codes[who->second] = it->second;
        }
    }
    const int none = categories.emplace(kNoLabel, int(categories.size())).first->second;
    for (auto& [key, codes] : frames) {
        for (size_t c = 0; c < codes.size(); ++c)
            if (codes[c] == kMissing && out.coded[c]) codes[c] = none;
        out.units.push_back(Unit{key.first, key.second, codes});
    }
    return out;
}

AgreementScope measure(const std::vector<Unit>& units, const std::vector<const VideoCoding*>& videos,
                       const std::vector<std::string>& annotators, const std::vector<bool>& coded, const AgreementOptions& options,
                       size_t categoryCount) {
    AgreementScope scope;
    for (size_t c = 0; c < annotators.size(); ++c)
        if (coded[c]) scope.coders.push_back(annotators[c]);
    scope.units = int(units.size());
    std::vector<std::vector<int>> rows;
    for (const Unit& u : units) rows.push_back(u.codes);
    scope.fleissKappa = fleissKappa(rows);
    scope.krippendorffAlpha = krippendorffAlphaNominal(rows);
    std::vector<double> thresholds = options.iouThresholds;
    std::sort(thresholds.begin(), thresholds.end());
    for (size_t i = 0; i < annotators.size(); ++i)
        for (size_t j = i + 1; j < annotators.size(); ++j) {
            if (!coded[i] || !coded[j]) continue;
            PairAgreement pair;
            pair.a = annotators[i];
            pair.b = annotators[j];
            std::vector<int> a, b;
            pair.confusion.assign(categoryCount, std::vector<int>(categoryCount, 0));
            for (const Unit& u : units) {
                a.push_back(u.codes[i]);
                b.push_back(u.codes[j]);
                if (u.codes[i] != kMissing && u.codes[j] != kMissing) {
                    ++pair.units;
                    ++pair.confusion[size_t(u.codes[i])][size_t(u.codes[j])];
                }
            }
            pair.percent = percentAgreement(a, b);
            pair.cohenKappa = cohenKappa(a, b);
            for (size_t t = 0; t < thresholds.size(); ++t) {
                SegmentF1 f1;
                f1.threshold = thresholds[t];
                std::vector<SegmentMatch> lowest;
                std::vector<CodedSegment> allA, allB;
                for (const VideoCoding* coding : videos) {
                    // Only videos both coded: a segment of a video one never saw is no disagreement.
                    if (!coding->coded[i] || !coding->coded[j]) continue;
                    const auto& video = coding->segments;
                    const auto matches = matchSegments(video[i], video[j], thresholds[t]);
                    f1.matched += int(matches.size());
                    f1.segmentsA += int(video[i].size());
                    f1.segmentsB += int(video[j].size());
                    if (t == 0) {
                        for (SegmentMatch m : matches) {
                            m.a += allA.size();
                            m.b += allB.size();
                            lowest.push_back(m);
                        }
                        allA.insert(allA.end(), video[i].begin(), video[i].end());
                        allB.insert(allB.end(), video[j].begin(), video[j].end());
                    }
                }
                if (t == 0) pair.boundaries = boundaryOffsets(allA, allB, lowest);
                pair.segments.push_back(f1);
            }
            scope.pairs.push_back(std::move(pair));
        }
    return scope;
}

QJsonObject scopeJson(const AgreementScope& s, const std::vector<std::string>& categories) {
    QJsonArray coders;
    for (const auto& c : s.coders) coders.append(QString::fromStdString(c));
    QJsonArray pairs;
    for (const PairAgreement& p : s.pairs) {
        QJsonArray f1;
        for (const SegmentF1& f : p.segments)
            f1.append(QJsonObject{{"iou", f.threshold}, {"f1", number(f.f1())}, {"matched", f.matched},
                                  {"segments_a", f.segmentsA}, {"segments_b", f.segmentsB}});
        QJsonArray confusion;
        for (const auto& row : p.confusion) {
            QJsonArray r;
            for (int v : row) r.append(v);
            confusion.append(r);
        }
        pairs.append(QJsonObject{{"a", QString::fromStdString(p.a)},
                                 {"b", QString::fromStdString(p.b)},
                                 {"frames", p.units},
                                 {"percent_agreement", number(p.percent)},
                                 {"cohen_kappa", number(p.cohenKappa)},
                                 {"segment_f1", f1},
                                 {"boundary_offsets_frames",
                                  QJsonObject{{"pairs", p.boundaries.pairs},
                                              {"mean_start", p.boundaries.meanStart},
                                              {"mean_end", p.boundaries.meanEnd},
                                              {"median_start", p.boundaries.medianStart},
                                              {"median_end", p.boundaries.medianEnd}}},
                                 {"confusion", confusion}});
    }
    QJsonObject out{{"video", QString::fromStdString(s.video)},
                    {"coders", coders},
                    {"frames", s.units},
                    {"fleiss_kappa", number(s.fleissKappa)},
                    {"krippendorff_alpha", number(s.krippendorffAlpha)},
                    {"pairs", pairs}};
    if (s.videoId) out.insert(QStringLiteral("video_id"), qint64(s.videoId));
    Q_UNUSED(categories);
    return out;
}

}  // namespace

double SegmentF1::f1() const {
    return segmentsA + segmentsB == 0 ? std::nan("") : 2.0 * matched / double(segmentsA + segmentsB);
}

Result<AgreementReport> computeAgreement(annotation::ProjectStore& store, const AgreementOptions& options) {
    AgreementReport report;
    const annotation::Taxonomy& taxonomy = store.taxonomy();
    report.task = options.task;
    if (report.task.empty()) {
        const annotation::TaskDefinition* action = taxonomy.actionTask();
        if (!action) return makeError("the taxonomy has no action task: name the task to compare");
        report.task = action->name;
    }
    const annotation::TaskDefinition* task = taxonomy.findTask(report.task);
    if (!task || task->scope != annotation::TaskScope::Segment)
        return makeError("'" + report.task + "' is not a per-segment task of the project's taxonomy");
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    std::vector<std::vector<annotation::Segment>> segments;
    std::set<std::string> found;
    // Without annotators named, a video assigned to annotators is compared between those alone.
    std::vector<std::vector<std::string>> only;
    for (const annotation::Video& v : *videos) {
        if (options.cancelled && options.cancelled()) return makeError("cancelled");
        auto read = store.segmentsOfVideo(v.id);
        if (!read) return read.takeError();
        if (options.progress) options.progress(std::int64_t(segments.size()) + 1, std::int64_t(videos->size()));
        only.push_back(options.annotators.empty() ? v.annotators : std::vector<std::string>{});
        for (const annotation::Segment& s : *read)
            if (!annotation::isModelPrediction(s) &&
                (only.back().empty() || std::find(only.back().begin(), only.back().end(), s.annotator) != only.back().end()))
                found.insert(s.annotator);
        segments.push_back(std::move(read).value());
    }
    report.annotators = options.annotators.empty() ? std::vector<std::string>(found.begin(), found.end()) : options.annotators;
    for (const std::string& a : report.annotators)
        if (!found.count(a)) return makeError("no segment of the project has the annotator '" + a + "'");
    if (report.annotators.size() < 2) {
        std::string names;
        for (const std::string& a : found) names += (names.empty() ? "'" : ", '") + a + "'";
        return makeError("agreement needs two or more annotators; the project's segments have " +
                         (found.empty() ? std::string("none") : names));
    }
    std::map<std::string, int> categories;
    std::vector<Unit> allUnits;
    std::vector<const VideoCoding*> allVideos;
    std::vector<bool> codedAnywhere(report.annotators.size(), false);
    std::vector<VideoCoding> codings;
    for (size_t v = 0; v < videos->size(); ++v) codings.push_back(codeVideo(segments[v], report.task, report.annotators, categories, only[v]));
    // Categories are final only now: "(none)" last, so re-map every code once.
    std::vector<std::string> names(categories.size());
    for (const auto& [name, index] : categories) names[size_t(index)] = name;
    std::vector<int> order(names.size());
    {
        std::vector<std::string> sorted;
        for (const auto& n : names)
            if (n != kNoLabel) sorted.push_back(n);
        std::sort(sorted.begin(), sorted.end());
        sorted.push_back(kNoLabel);
        for (size_t i = 0; i < names.size(); ++i)
            order[i] = int(std::find(sorted.begin(), sorted.end(), names[i]) - sorted.begin());
        report.categories = sorted;
    }
    for (size_t v = 0; v < videos->size(); ++v) {
        VideoCoding& coding = codings[v];
        for (Unit& u : coding.units)
            for (int& c : u.codes)
                if (c != kMissing) c = order[size_t(c)];
        const int coders = int(std::count(coding.coded.begin(), coding.coded.end(), true));
        if (coders < 2) continue;
        AgreementScope scope = measure(coding.units, {&coding}, report.annotators, coding.coded, options, report.categories.size());
        scope.videoId = (*videos)[v].id;
        scope.video = (*videos)[v].name.empty() ? (*videos)[v].path : (*videos)[v].name;
        report.videos.push_back(std::move(scope));
        allUnits.insert(allUnits.end(), coding.units.begin(), coding.units.end());
        allVideos.push_back(&coding);
        for (size_t c = 0; c < coding.coded.size(); ++c) codedAnywhere[c] = codedAnywhere[c] || coding.coded[c];
    }
    report.overall = measure(allUnits, allVideos, report.annotators, codedAnywhere, options, report.categories.size());
    report.overall.video = "all";
    return report;
}

Result<std::vector<Disagreement>> findDisagreements(annotation::ProjectStore& store, const std::string& a, const std::string& b,
                                                    const std::string& taskName) {
    std::string task = taskName;
    if (task.empty()) {
        const annotation::TaskDefinition* action = store.taxonomy().actionTask();
        if (!action) return makeError("the taxonomy has no action task: name the task to compare");
        task = action->name;
    }
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    std::vector<Disagreement> out;
    for (const annotation::Video& v : *videos) {
        auto segments = store.segmentsOfVideo(v.id);
        if (!segments) return segments.takeError();
        std::map<std::string, int> categories;
        const VideoCoding coding = codeVideo(*segments, task, {a, b}, categories, {});
        if (!coding.coded[0] || !coding.coded[1]) continue;
        std::vector<std::string> names(categories.size());
        for (const auto& [name, index] : categories) names[size_t(index)] = name;
        // Units come ordered by subject, then frame: a run continues while the pair stays the same.
        for (const Unit& u : coding.units) {
            if (u.codes[0] == kMissing || u.codes[1] == kMissing || u.codes[0] == u.codes[1]) continue;
            const std::string& la = names[size_t(u.codes[0])];
            const std::string& lb = names[size_t(u.codes[1])];
            if (!out.empty()) {
                Disagreement& last = out.back();
                if (last.videoId == v.id && last.subjectId == u.subjectId && last.lastFrame + 1 == u.frame && last.labelA == la &&
                    last.labelB == lb) {
                    last.lastFrame = u.frame;
                    continue;
                }
            }
            out.push_back(Disagreement{v.id, u.subjectId, u.frame, u.frame, la, lb});
        }
    }
    return out;
}

QJsonObject agreementToJson(const AgreementReport& report) {
    QJsonArray annotators, categories, videos;
    for (const auto& a : report.annotators) annotators.append(QString::fromStdString(a));
    for (const auto& c : report.categories) categories.append(QString::fromStdString(c));
    for (const AgreementScope& v : report.videos) videos.append(scopeJson(v, report.categories));
    return QJsonObject{{"task", QString::fromStdString(report.task)},
                       {"annotators", annotators},
                       {"categories", categories},
                       {"overall", scopeJson(report.overall, report.categories)},
                       {"videos", videos}};
}

}  // namespace actionlens::agreement
