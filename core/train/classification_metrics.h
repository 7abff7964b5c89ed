#pragma once

// Per-task classification metrics from true labels and predicted class probabilities: what the
// evaluation reports for every task head (accuracy, top-k, macro precision / recall / F1,
// one-vs-rest ROC-AUC, confusion matrix). Plain C++ so the CLI, the GUI and tests share it.

#include "core/common/result.h"

#include <string>
#include <vector>

namespace actionlens::train {

struct TaskMetrics {
    int classCount = 0;
    int evaluated = 0;  // items with a label (label -1 = missing, ignored everywhere)
    int topK = 1;       // k of topKAccuracy, clamped to classCount

    // With no labelled item every rate below is 0 (zero-division gives 0, as in scikit-learn's
    // zero_division=0) and every AUC is NaN.
    double accuracy = 0.0;
    double topKAccuracy = 0.0;

    // Per class. A class never predicted has precision 0; a class never true has recall 0.
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> f1;
    std::vector<int> support;    // true items of the class
    std::vector<int> predicted;  // items predicted as the class

    // Macro averages over the classes present in the truth or in the predictions: a class that
    // is neither true nor predicted for any item says nothing about the model and would pull
    // the mean towards 0 (scikit-learn averages over the union of labels present in y_true and
    // y_pred in the same way). macroClassCount is how many classes were averaged.
    double macroPrecision = 0.0;
    double macroRecall = 0.0;
    double macroF1 = 0.0;
    int macroClassCount = 0;

    // One-vs-rest ROC-AUC per class, exact (Mann-Whitney with average ranks: a tied positive /
    // negative pair counts 1/2). NaN for a class without positives or without negatives; such
    // classes are left out of the macro mean, which is NaN when no class has an AUC.
    std::vector<double> rocAuc;
    double macroRocAuc = 0.0;
    int aucClassCount = 0;

    // confusion[truth][prediction]; prediction = argmax, ties to the lowest class index.
    std::vector<std::vector<int>> confusion;
};

// labels: one per item, in [0, classCount) or -1 for missing. probabilities: row-major
// labels.size() x classCount scores (probabilities or any monotone scores), all finite.
// topK >= 1. Top-k ranks the true class after every class with a higher score and after tied
// classes of lower index, so top-1 accuracy equals accuracy.
Result<TaskMetrics> computeTaskMetrics(const std::vector<int>& labels,
                                       const std::vector<float>& probabilities, int classCount,
                                       int topK = 5);

// Exact ROC-AUC of scores for a binary truth; NaN without positives or without negatives.
double binaryRocAuc(const std::vector<bool>& positive, const std::vector<double>& scores);

// One JSON object: {"task": ..., "evaluated": ..., "accuracy": ..., "top_k": ...,
// "top_k_accuracy": ..., "macro_precision": ..., "macro_recall": ..., "macro_f1": ...,
// "macro_roc_auc": ..., "per_class": [{"class": i, "name": ..., "support": ..., ...}],
// "confusion": [[...]]}. NaN is written as null. classNames may be empty (no "name" keys) or
// hold one name per class.
std::string taskMetricsToJson(const TaskMetrics& metrics, const std::string& taskName,
                              const std::vector<std::string>& classNames = {});

}  // namespace actionlens::train
