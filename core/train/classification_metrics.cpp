#include "core/train/classification_metrics.h"

#include "core/train/json_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

namespace actionlens::train {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : 0.0;
}

int argmaxLowestIndex(const float* row, int classCount) {
    int best = 0;
    for (int c = 1; c < classCount; ++c) {
        if (row[c] > row[best]) best = c;
    }
    return best;
}

// Position of `truth` when classes are ordered by score descending, ties by index ascending.
int rankOfClass(const float* row, int classCount, int truth) {
    int rank = 0;
    for (int c = 0; c < classCount; ++c) {
        if (row[c] > row[truth] || (row[c] == row[truth] && c < truth)) ++rank;
    }
    return rank;
}

std::string number(double value) {
    if (!std::isfinite(value)) return "null";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

}  // namespace

double binaryRocAuc(const std::vector<bool>& positive, const std::vector<double>& scores) {
    const size_t n = std::min(positive.size(), scores.size());
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return scores[a] < scores[b]; });

    // Sum of the positives' ranks (1-based), tied scores sharing their average rank.
    double positiveRankSum = 0.0;
    double positives = 0.0;
    size_t start = 0;
    while (start < n) {
        size_t end = start;
        while (end < n && scores[order[end]] == scores[order[start]]) ++end;
        const double averageRank = 0.5 * static_cast<double>(start + 1 + end);
        for (size_t i = start; i < end; ++i) {
            if (positive[order[i]]) {
                positiveRankSum += averageRank;
                positives += 1.0;
            }
        }
        start = end;
    }
    const double negatives = static_cast<double>(n) - positives;
    if (positives == 0.0 || negatives == 0.0) return kNaN;
    return (positiveRankSum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

Result<TaskMetrics> computeTaskMetrics(const std::vector<int>& labels,
                                       const std::vector<float>& probabilities, int classCount,
                                       int topK) {
    if (classCount < 1) {
        return makeError("class count must be at least 1, got " + std::to_string(classCount));
    }
    if (topK < 1) return makeError("top-k must be at least 1, got " + std::to_string(topK));
    const size_t itemCount = labels.size();
    if (probabilities.size() != itemCount * static_cast<size_t>(classCount)) {
        return makeError("expected " + std::to_string(itemCount) + " x " +
                         std::to_string(classCount) + " = " +
                         std::to_string(itemCount * static_cast<size_t>(classCount)) +
                         " probabilities, got " + std::to_string(probabilities.size()));
    }
    for (size_t i = 0; i < itemCount; ++i) {
        if (labels[i] < -1 || labels[i] >= classCount) {
            return makeError("item " + std::to_string(i) + ": label " +
                             std::to_string(labels[i]) + " is outside 0.." +
                             std::to_string(classCount - 1) + " (or -1 for missing)");
        }
        for (int c = 0; c < classCount; ++c) {
            if (!std::isfinite(probabilities[i * classCount + c])) {
                return makeError("item " + std::to_string(i) + ": score of class " +
                                 std::to_string(c) + " is not finite");
            }
        }
    }

    TaskMetrics m;
    m.classCount = classCount;
    m.topK = std::min(topK, classCount);
    m.confusion.assign(classCount, std::vector<int>(classCount, 0));
    m.support.assign(classCount, 0);
    m.predicted.assign(classCount, 0);

    int correct = 0;
    int topKHits = 0;
    std::vector<size_t> labelled;
    for (size_t i = 0; i < itemCount; ++i) {
        const int truth = labels[i];
        if (truth < 0) continue;
        labelled.push_back(i);
        const float* row = probabilities.data() + i * classCount;
        const int prediction = argmaxLowestIndex(row, classCount);
        ++m.confusion[truth][prediction];
        ++m.support[truth];
        ++m.predicted[prediction];
        if (prediction == truth) ++correct;
        if (rankOfClass(row, classCount, truth) < m.topK) ++topKHits;
    }
    m.evaluated = static_cast<int>(labelled.size());
    m.accuracy = ratio(correct, m.evaluated);
    m.topKAccuracy = ratio(topKHits, m.evaluated);

    m.precision.assign(classCount, 0.0);
    m.recall.assign(classCount, 0.0);
    m.f1.assign(classCount, 0.0);
    m.rocAuc.assign(classCount, kNaN);
    double precisionSum = 0.0, recallSum = 0.0, f1Sum = 0.0, aucSum = 0.0;
    std::vector<bool> positive(labelled.size());
    std::vector<double> scores(labelled.size());
    for (int c = 0; c < classCount; ++c) {
        const double truePositives = m.confusion[c][c];
        m.precision[c] = ratio(truePositives, m.predicted[c]);
        m.recall[c] = ratio(truePositives, m.support[c]);
        m.f1[c] = ratio(2.0 * m.precision[c] * m.recall[c], m.precision[c] + m.recall[c]);
        if (m.support[c] > 0 || m.predicted[c] > 0) {
            precisionSum += m.precision[c];
            recallSum += m.recall[c];
            f1Sum += m.f1[c];
            ++m.macroClassCount;
        }
        for (size_t j = 0; j < labelled.size(); ++j) {
            positive[j] = labels[labelled[j]] == c;
            scores[j] = probabilities[labelled[j] * classCount + c];
        }
        m.rocAuc[c] = binaryRocAuc(positive, scores);
        if (!std::isnan(m.rocAuc[c])) {
            aucSum += m.rocAuc[c];
            ++m.aucClassCount;
        }
    }
    m.macroPrecision = ratio(precisionSum, m.macroClassCount);
    m.macroRecall = ratio(recallSum, m.macroClassCount);
    m.macroF1 = ratio(f1Sum, m.macroClassCount);
    m.macroRocAuc = m.aucClassCount > 0 ? aucSum / m.aucClassCount : kNaN;
    return m;
}

std::string taskMetricsToJson(const TaskMetrics& m, const std::string& taskName,
                              const std::vector<std::string>& classNames) {
    const bool named = classNames.size() == static_cast<size_t>(m.classCount);
    std::string out = "{\"task\": " + jsonQuoted(taskName);
    out += ", \"classes\": " + std::to_string(m.classCount);
    out += ", \"evaluated\": " + std::to_string(m.evaluated);
    out += ", \"accuracy\": " + number(m.accuracy);
    out += ", \"top_k\": " + std::to_string(m.topK);
    out += ", \"top_k_accuracy\": " + number(m.topKAccuracy);
    out += ", \"macro_precision\": " + number(m.macroPrecision);
    out += ", \"macro_recall\": " + number(m.macroRecall);
    out += ", \"macro_f1\": " + number(m.macroF1);
    out += ", \"macro_roc_auc\": " + number(m.macroRocAuc);
    out += ", \"per_class\": [";
    for (int c = 0; c < m.classCount; ++c) {
        if (c > 0) out += ", ";
        out += "{\"class\": " + std::to_string(c);
        if (named) out += ", \"name\": " + jsonQuoted(classNames[c]);
        out += ", \"support\": " + std::to_string(m.support[c]);
        out += ", \"predicted\": " + std::to_string(m.predicted[c]);
        out += ", \"precision\": " + number(m.precision[c]);
        out += ", \"recall\": " + number(m.recall[c]);
        out += ", \"f1\": " + number(m.f1[c]);
        out += ", \"roc_auc\": " + number(m.rocAuc[c]) + "}";
    }
    out += "], \"confusion\": [";
    for (int t = 0; t < m.classCount; ++t) {
        if (t > 0) out += ", ";
        out += "[";
        for (int p = 0; p < m.classCount; ++p) {
            if (p > 0) out += ", ";
            out += std::to_string(m.confusion[t][p]);
        }
        out += "]";
    }
    return out + "]}";
}

}  // namespace actionlens::train
