#include "core/explain/faithfulness.h"

#include "core/train/rgb_augmentation.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace actionlens::explain {

double curveArea(const std::vector<double>& curve) {
    if (curve.size() < 2) return curve.empty() ? 0.0 : curve.front();
    double area = 0.0;
    for (size_t i = 1; i < curve.size(); ++i) area += 0.5 * (curve[i - 1] + curve[i]);
    return area / double(curve.size() - 1);
}

std::vector<std::vector<std::uint8_t>> deletionMasks(const std::vector<int>& order, int steps) {
    steps = std::max(1, steps);
    const size_t cells = order.size();
    std::vector<std::vector<std::uint8_t>> out;
    for (int k = 0; k <= steps; ++k) {
        const size_t hidden = size_t(std::ceil(double(k) * double(cells) / double(steps)));
        std::vector<std::uint8_t> mask(cells, 0);
        for (size_t i = 0; i < std::min(hidden, cells); ++i) mask[size_t(order[i])] = 1;
        out.push_back(std::move(mask));
    }
    return out;
}

namespace {

std::vector<std::vector<std::uint8_t>> inverted(std::vector<std::vector<std::uint8_t>> masks) {
    for (auto& mask : masks)
        for (auto& cell : mask) cell = cell ? 0 : 1;
    return masks;
}

// Cells by decreasing importance; ties keep cell order.
std::vector<int> importanceOrder(const std::vector<float>& importance) {
    std::vector<int> order(importance.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return importance[size_t(a)] > importance[size_t(b)]; });
    return order;
}

double uniform(std::mt19937& rng, double low, double high) {
    return low + (high - low) * (double(rng()) / 4294967296.0);
}

void addCurve(std::vector<double>& total, const std::vector<float>& curve) {
    if (total.size() < curve.size()) total.resize(curve.size(), 0.0);
    for (size_t i = 0; i < curve.size(); ++i) total[i] += curve[i];
}

std::vector<double> asDouble(const std::vector<float>& v) { return std::vector<double>(v.begin(), v.end()); }

// Of the entries tied for the maximum (within a relative 1e-5), the share for which `hit` holds:
// the pointing game's expected hit when ties are broken at random.
template <typename Hit>
double tiedPeakShare(const std::vector<float>& values, Hit hit) {
    if (values.empty()) return 0.0;
    const float peak = *std::max_element(values.begin(), values.end());
    const float tolerance = std::abs(peak) * 1e-5f;
    int tied = 0, hits = 0;
    for (size_t i = 0; i < values.size(); ++i)
        if (values[i] >= peak - tolerance) {
            ++tied;
            hits += hit(i) ? 1 : 0;
        }
    return double(hits) / double(tied);
}

}  // namespace

ClipInput perturbedClip(const ClipInput& clip, std::uint32_t seed) {
    ClipInput out = clip;
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    if (out.skeleton.clips) {
        // The augmentation's small perturbations (train_config.h defaults): rotation within 10
        // degrees, scale within 10 %, noise of 0.01 on the normalised coordinates.
        model::SkeletonBatch& b = out.skeleton;
        const double angle = uniform(rng, -10.0, 10.0) * M_PI / 180.0;
        const float scale = float(uniform(rng, 0.9, 1.1));
        const float c = float(std::cos(angle)) * scale, s = float(std::sin(angle)) * scale;
        const size_t plane = size_t(b.frames) * b.joints;
        for (size_t i = 0; i < plane; ++i) {
            if (b.values[2 * plane + i] <= 0.0f) continue;
            const float x = b.values[i], y = b.values[plane + i];
            b.values[i] = c * x - s * y + 0.01f * noise(rng);
            b.values[plane + i] = s * x + c * y + 0.01f * noise(rng);
        }
    }
    if (out.video.clips) {
        // Brightness within 10 % and pixel noise of 2 % of the range, in normalised units.
        model::VideoBatch& b = out.video;
        const float brightness = float(uniform(rng, 0.9, 1.1));
        const size_t plane = size_t(b.frames) * b.height * b.width;
        for (int ch = 0; ch < 3; ++ch)
            for (size_t i = 0; i < plane; ++i) {
                float& v = b.values[size_t(ch) * plane + i];
                const float value = (v * train::kRgbStd[ch] + train::kRgbMean[ch]) * brightness + 0.02f * noise(rng);
                v = (value - train::kRgbMean[ch]) / train::kRgbStd[ch];
            }
    }
    return out;
}

FaithfulnessEvaluation::FaithfulnessEvaluation(Explainer& explainer, FaithfulnessOptions options)
    : explainer_(explainer), options_(std::move(options)) {
    if (options_.tasks.empty())
        for (size_t t = 0; t < explainer_.snapshot().tasks.size(); ++t) options_.tasks.push_back(int(t));
    if (options_.methods.empty()) options_.methods = allExplanationMethods();
    const model::TrunkKind kind = explainer_.snapshot().model.trunkKind;
    for (ExplanationMethod method : options_.methods)
        for (int task : options_.tasks)
            for (Stream stream : {Stream::Skeleton, Stream::Video}) {
                if ((stream == Stream::Skeleton && !model::readsSkeleton(kind)) || (stream == Stream::Video && !model::readsVideo(kind)))
                    continue;
                MethodScores s;
                s.method = method;
                s.task = task;
                s.taskName = size_t(task) < explainer_.snapshot().tasks.size() ? explainer_.snapshot().tasks[size_t(task)].name : "";
                s.stream = stream;
                totals_.push_back(s);
            }
}

Status FaithfulnessEvaluation::addClip(const ClipInput& clip, const ClipAnswer* answer) {
    const std::uint32_t clipSeed = options_.seed * 7919u + std::uint32_t(clips_) * 104729u;
    std::vector<ExplainTarget> targets;
    for (int task : options_.tasks) targets.push_back(ExplainTarget{task, -1});
    // The predicted class of each head, from one cheap explanation (attention needs no backward).
    ExplainOptions attention;
    attention.method = ExplanationMethod::Attention;
    Result<std::vector<HeadExplanation>> first = explainer_.explain(clip, targets, attention);
    if (!first) return first.takeError();
    for (size_t h = 0; h < targets.size(); ++h) targets[h].targetClass = first.value()[h].targetClass;

    // Random-order baselines, shared by every method and head: per stream, the same random
    // orders for all heads (one masked forward pass serves them all).
    struct Baseline {
        std::vector<double> deletion, insertion;
    };
    std::vector<std::vector<Baseline>> baselines(targets.size());  // [head][stream as the heads list them]
    for (const StreamExplanation& stream : first.value().front().streams) {
        const int cells = explainer_.cellCount(stream.stream, options_.grid);
        std::vector<Baseline> perHead(targets.size());
        for (int r = 0; r < options_.randomOrders; ++r) {
            std::vector<int> order(static_cast<size_t>(cells));
            std::iota(order.begin(), order.end(), 0);
            std::mt19937 rng(clipSeed + std::uint32_t(r) * 31u);
            std::shuffle(order.begin(), order.end(), rng);
            const auto masks = deletionMasks(order, options_.curveSteps);
            Result<std::vector<std::vector<float>>> del = explainer_.maskedProbabilities(clip, stream.stream, targets, masks, options_.grid);
            if (!del) return del.takeError();
            Result<std::vector<std::vector<float>>> ins =
                explainer_.maskedProbabilities(clip, stream.stream, targets, inverted(masks), options_.grid);
            if (!ins) return ins.takeError();
            for (size_t h = 0; h < targets.size(); ++h) {
                addCurve(perHead[h].deletion, del.value()[h]);
                addCurve(perHead[h].insertion, ins.value()[h]);
            }
        }
        for (size_t h = 0; h < targets.size(); ++h) {
            for (double& v : perHead[h].deletion) v /= std::max(1, options_.randomOrders);
            for (double& v : perHead[h].insertion) v /= std::max(1, options_.randomOrders);
            baselines[h].push_back(std::move(perHead[h]));
        }
    }

    const ClipInput perturbed = options_.stability ? perturbedClip(clip, clipSeed ^ 0x5eedu) : ClipInput{};
    const int centreJoint = explainer_.snapshot().model.layout.centreJoint;
    for (ExplanationMethod method : options_.methods) {
        ExplainOptions o;
        o.method = method;
        o.occlusion = options_.grid;
        Result<std::vector<HeadExplanation>> heads = explainer_.explain(clip, targets, o);
        if (!heads) return heads.takeError();
        Result<std::vector<HeadExplanation>> moved = options_.stability ? explainer_.explain(perturbed, targets, o)
                                                                         : Result<std::vector<HeadExplanation>>(std::vector<HeadExplanation>{});
        if (!moved) return moved.takeError();
        for (size_t h = 0; h < heads->size(); ++h) {
            const HeadExplanation& head = heads.value()[h];
            for (size_t s = 0; s < head.streams.size(); ++s) {
                const StreamExplanation& e = head.streams[s];
                auto total = std::find_if(totals_.begin(), totals_.end(), [&](const MethodScores& m) {
                    return m.method == method && m.task == head.task && m.stream == e.stream;
                });
                if (total == totals_.end()) continue;
                ++total->clips;
                const std::vector<int> order = importanceOrder(explainer_.cellImportance(e, options_.grid));
                const auto masks = deletionMasks(order, options_.curveSteps);
                const std::vector<ExplainTarget> target{ExplainTarget{head.task, head.targetClass}};
                Result<std::vector<std::vector<float>>> del = explainer_.maskedProbabilities(clip, e.stream, target, masks, options_.grid);
                if (!del) return del.takeError();
                Result<std::vector<std::vector<float>>> ins =
                    explainer_.maskedProbabilities(clip, e.stream, target, inverted(masks), options_.grid);
                if (!ins) return ins.takeError();
                addCurve(total->deletionCurve, del.value()[0]);
                addCurve(total->insertionCurve, ins.value()[0]);
                total->deletionAuc += curveArea(asDouble(del.value()[0]));
                total->insertionAuc += curveArea(asDouble(ins.value()[0]));
                const Baseline& b = baselines[h][s];
                if (total->deletionRandomCurve.size() < b.deletion.size()) total->deletionRandomCurve.resize(b.deletion.size(), 0.0);
                if (total->insertionRandomCurve.size() < b.insertion.size()) total->insertionRandomCurve.resize(b.insertion.size(), 0.0);
                for (size_t i = 0; i < b.deletion.size(); ++i) total->deletionRandomCurve[i] += b.deletion[i];
                for (size_t i = 0; i < b.insertion.size(); ++i) total->insertionRandomCurve[i] += b.insertion[i];
                total->deletionRandomAuc += curveArea(b.deletion);
                total->insertionRandomAuc += curveArea(b.insertion);
                if (options_.stability) {
                    const StreamExplanation* other = moved.value()[h].stream(e.stream);
                    if (other) total->stability += spearmanCorrelation(e.map.values, other->map.values);
                }
                if (!answer) continue;
                const float peakValue = e.map.values.empty() ? 0.0f : *std::max_element(e.map.values.begin(), e.map.values.end());
                if (e.stream == Stream::Skeleton && !answer->movingJoints.empty()) {
                    const std::vector<float> joints = columnImportance(e.map);
                    const auto& moving = answer->movingJoints;
                    ++total->pointingClips;
                    // An all-zero map points nowhere: a miss. Joints tied for the peak share the hit.
                    total->pointingHits += peakValue > 0.0f ? tiedPeakShare(joints, [&](size_t j) {
                        return std::find(moving.begin(), moving.end(), int(j)) != moving.end();
                    }) : 0.0;
                    int onLimb = 0;
                    for (int j = 0; j < e.map.columns; ++j) onLimb += std::find(moving.begin(), moving.end(), j) != moving.end();
                    total->pointingRandom += double(onLimb) / double(std::max(1, e.map.columns));
                    total->pointingCentre += std::find(moving.begin(), moving.end(), centreJoint) != moving.end() ? 1.0 : 0.0;
                } else if (e.stream == Stream::Video && !answer->movingLimbPixels.empty()) {
                    const ExplanationMap& truth = answer->movingLimbPixels;
                    if (truth.frames != e.map.frames || truth.rows != e.map.rows || truth.columns != e.map.columns)
                        return makeError("the known answer's pixels are " + std::to_string(truth.frames) + "x" + std::to_string(truth.rows) +
                                         "x" + std::to_string(truth.columns) + ", the map's " + std::to_string(e.map.frames) + "x" +
                                         std::to_string(e.map.rows) + "x" + std::to_string(e.map.columns));
                    ++total->pointingClips;
                    // A map flat over space (a trunk grid too coarse for the view) points at every tied
                    // pixel alike: the hit is their share on the limb, not the first one's.
                    if (peakValue > 0.0f)
                        total->pointingHits += tiedPeakShare(e.map.values, [&](size_t i) { return truth.values[i] > 0.0f; });
                    double on = 0.0;
                    for (float v : truth.values) on += v > 0.0f;
                    total->pointingRandom += on / double(truth.values.size());
                    double centre = 0.0;
                    for (int t = 0; t < truth.frames; ++t) centre += truth.at(t, truth.rows / 2, truth.columns / 2) > 0.0f;
                    total->pointingCentre += centre / double(std::max(1, truth.frames));
                }
            }
        }
    }
    ++clips_;
    return Status::success();
}

std::vector<MethodScores> FaithfulnessEvaluation::scores() const {
    std::vector<MethodScores> out = totals_;
    for (MethodScores& s : out) {
        if (s.clips > 0) {
            const double n = s.clips;
            s.deletionAuc /= n;
            s.deletionRandomAuc /= n;
            s.insertionAuc /= n;
            s.insertionRandomAuc /= n;
            s.stability /= n;
            for (auto* curve : {&s.deletionCurve, &s.deletionRandomCurve, &s.insertionCurve, &s.insertionRandomCurve})
                for (double& v : *curve) v /= n;
        }
        if (s.pointingClips > 0) {
            s.pointingHits /= s.pointingClips;
            s.pointingRandom /= s.pointingClips;
            s.pointingCentre /= s.pointingClips;
        }
    }
    return out;
}

}  // namespace actionlens::explain
