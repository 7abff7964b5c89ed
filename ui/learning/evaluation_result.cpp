#include "ui/learning/evaluation_result.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace actionlens::ui {

namespace {

double numberOf(const QJsonValue& v) { return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN(); }

}  // namespace

int TaskResult::predictionOf(int clip) const {
    const int classes = int(classNames.size());
    int best = 0;
    for (int c = 1; c < classes; ++c)
        if (probabilities[size_t(clip) * size_t(classes) + size_t(c)] > probabilities[size_t(clip) * size_t(classes) + size_t(best)]) best = c;
    return best;
}

std::vector<int> TaskResult::clipsIn(int truth, int predicted) const {
    std::vector<int> clips;
    if (classNames.isEmpty() || probabilities.size() < labels.size() * size_t(classNames.size())) return clips;
    for (int i = 0; i < int(labels.size()); ++i)
        if (labels[size_t(i)] == truth && predictionOf(i) == predicted) clips.push_back(i);
    return clips;
}

Result<EvaluationResult> EvaluationResult::fromJson(const QByteArray& metricsJson) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(metricsJson, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return makeError("the evaluation's metrics are not a JSON object");
    const QJsonObject root = document.object();
    EvaluationResult result;
    result.clips = root[QStringLiteral("clips")].toInt();
    if (root[QStringLiteral("inconsistent_rate")].isDouble()) result.inconsistentRate = root[QStringLiteral("inconsistent_rate")].toDouble();
    const QJsonObject tasks = root[QStringLiteral("tasks")].toObject();
    // QJsonObject sorts keys; the tasks' own "task" entries keep nothing of the order either,
    // so the text decides, as for a run's history.
    QStringList order = tasks.keys();
    std::stable_sort(order.begin(), order.end(), [&](const QString& a, const QString& b) {
        return metricsJson.indexOf("\"task\": \"" + a.toUtf8() + "\"") < metricsJson.indexOf("\"task\": \"" + b.toUtf8() + "\"");
    });
    for (const QString& name : order) {
        const QJsonObject t = tasks[name].toObject();
        TaskResult task;
        task.task = name;
        train::TaskMetrics& m = task.metrics;
        m.classCount = t[QStringLiteral("classes")].toInt();
        m.evaluated = t[QStringLiteral("evaluated")].toInt();
        m.accuracy = numberOf(t[QStringLiteral("accuracy")]);
        m.topK = t[QStringLiteral("top_k")].toInt();
        m.topKAccuracy = numberOf(t[QStringLiteral("top_k_accuracy")]);
        m.macroPrecision = numberOf(t[QStringLiteral("macro_precision")]);
        m.macroRecall = numberOf(t[QStringLiteral("macro_recall")]);
        m.macroF1 = numberOf(t[QStringLiteral("macro_f1")]);
        m.macroRocAuc = numberOf(t[QStringLiteral("macro_roc_auc")]);
        for (const QJsonValue& c : t[QStringLiteral("per_class")].toArray()) {
            const QJsonObject o = c.toObject();
            task.classNames << o[QStringLiteral("name")].toString(QString::number(o[QStringLiteral("class")].toInt()));
            m.support.push_back(o[QStringLiteral("support")].toInt());
            m.predicted.push_back(o[QStringLiteral("predicted")].toInt());
            m.precision.push_back(numberOf(o[QStringLiteral("precision")]));
            m.recall.push_back(numberOf(o[QStringLiteral("recall")]));
            m.f1.push_back(numberOf(o[QStringLiteral("f1")]));
            m.rocAuc.push_back(numberOf(o[QStringLiteral("roc_auc")]));
        }
        for (const QJsonValue& row : t[QStringLiteral("confusion")].toArray()) {
            std::vector<int> counts;
            for (const QJsonValue& v : row.toArray()) counts.push_back(v.toInt());
            m.confusion.push_back(std::move(counts));
        }
        if (int(m.confusion.size()) != m.classCount || int(task.classNames.size()) != m.classCount)
            return makeError("task '" + name.toStdString() + "': its per-class metrics or confusion matrix do not have " +
                             std::to_string(m.classCount) + " classes");
        result.tasks.push_back(std::move(task));
    }
    return result;
}

}  // namespace actionlens::ui
