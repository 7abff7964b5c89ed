#include "core/explain/explanation_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace actionlens::explain {

ExplanationMap normaliseMap(const ExplanationMap& map, MapNormalisation normalisation) {
    ExplanationMap out = map;
    for (float& v : out.values) v = std::max(v, 0.0f);
    const size_t perFrame = map.cellsPerFrame();
    auto scale = [&](size_t begin, size_t end) {
        const float peak = begin < end ? *std::max_element(out.values.begin() + long(begin), out.values.begin() + long(end)) : 0.0f;
        for (size_t i = begin; i < end; ++i) out.values[i] = peak > 0.0f ? out.values[i] / peak : 0.0f;
    };
    if (normalisation == MapNormalisation::PerClip) scale(0, out.values.size());
    else
        for (int f = 0; f < map.frames; ++f) scale(size_t(f) * perFrame, size_t(f + 1) * perFrame);
    return out;
}

std::vector<float> temporalImportance(const ExplanationMap& map) {
    std::vector<float> out(size_t(std::max(map.frames, 0)), 0.0f);
    const size_t perFrame = map.cellsPerFrame();
    double total = 0.0;
    for (int f = 0; f < map.frames; ++f) {
        double sum = 0.0;
        for (size_t i = 0; i < perFrame; ++i) sum += std::max(map.values[size_t(f) * perFrame + i], 0.0f);
        out[size_t(f)] = float(sum);
        total += sum;
    }
    for (float& v : out) v = total > 0.0 ? float(v / total) : 0.0f;
    return out;
}

ExplanationMap differenceMap(const ExplanationMap& a, const ExplanationMap& b) {
    if (a.frames != b.frames || a.rows != b.rows || a.columns != b.columns) return {};
    ExplanationMap out = a;
    for (size_t i = 0; i < out.values.size(); ++i) out.values[i] = a.values[i] - b.values[i];
    return out;
}

std::vector<float> columnImportance(const ExplanationMap& map) {
    std::vector<float> out(size_t(std::max(map.columns, 0)), 0.0f);
    for (int f = 0; f < map.frames; ++f)
        for (int r = 0; r < map.rows; ++r)
            for (int c = 0; c < map.columns; ++c) out[size_t(c)] += std::max(map.at(f, r, c), 0.0f);
    return out;
}

double clipPositionOfSourceFrame(std::int64_t offset, std::int64_t segmentFrames, int clipFrames) {
    if (clipFrames <= 1 || segmentFrames <= 0) return 0.0;
    // Inverse of the sampling: clip frame t reads source position (t + 0.5) * count / T - 0.5.
    const double position = (double(offset) + 0.5) * double(clipFrames) / double(segmentFrames) - 0.5;
    return std::clamp(position, 0.0, double(clipFrames - 1));
}

std::vector<float> mapAtSourceFrame(const ExplanationMap& map, std::int64_t offset, std::int64_t segmentFrames) {
    const size_t perFrame = map.cellsPerFrame();
    std::vector<float> out(perFrame, 0.0f);
    if (map.frames <= 0) return out;
    const double position = clipPositionOfSourceFrame(offset, segmentFrames, map.frames);
    const int a = int(std::floor(position));
    const int b = std::min(a + 1, map.frames - 1);
    const float wb = float(position - a), wa = 1.0f - wb;
    for (size_t i = 0; i < perFrame; ++i)
        out[i] = wa * map.values[size_t(a) * perFrame + i] + wb * map.values[size_t(b) * perFrame + i];
    return out;
}

std::string mapCsvOverSourceFrames(const ExplanationMap& map, std::int64_t firstFrame, std::int64_t segmentFrames,
                                   const std::vector<std::string>& columnNames) {
    std::string out = "frame";
    for (int c = 0; c < map.columns; ++c)
        out += "," + (size_t(c) < columnNames.size() ? columnNames[size_t(c)] : "column_" + std::to_string(c));
    out += "\n";
    for (std::int64_t offset = 0; offset < segmentFrames; ++offset) {
        out += std::to_string(firstFrame + offset);
        for (float v : mapAtSourceFrame(map, offset, segmentFrames)) {
            char text[24];
            std::snprintf(text, sizeof text, ",%.6g", double(v));
            out += text;
        }
        out += "\n";
    }
    return out;
}

namespace {

std::vector<double> ranks(const std::vector<float>& values) {
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return values[x] < values[y]; });
    std::vector<double> out(values.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
        const double mean = 0.5 * double(i + j);
        for (size_t k = i; k <= j; ++k) out[order[k]] = mean;
        i = j + 1;
    }
    return out;
}

}  // namespace

double spearmanCorrelation(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size() || a.empty()) return 0.0;
    const std::vector<double> ra = ranks(a), rb = ranks(b);
    const double n = double(a.size());
    const double meanA = std::accumulate(ra.begin(), ra.end(), 0.0) / n;
    const double meanB = std::accumulate(rb.begin(), rb.end(), 0.0) / n;
    double cov = 0.0, varA = 0.0, varB = 0.0;
    for (size_t i = 0; i < ra.size(); ++i) {
        cov += (ra[i] - meanA) * (rb[i] - meanB);
        varA += (ra[i] - meanA) * (ra[i] - meanA);
        varB += (rb[i] - meanB) * (rb[i] - meanB);
    }
    if (varA <= 0.0 || varB <= 0.0) return 0.0;
    return cov / std::sqrt(varA * varB);
}

}  // namespace actionlens::explain
