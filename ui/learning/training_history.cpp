#include "ui/learning/training_history.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace actionlens::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// JSON has no NaN: the engine writes null where a value is not a number.
double numberOf(const QJsonValue& value) { return value.isDouble() ? value.toDouble() : kNaN; }

}  // namespace

Result<TrainingHistory> TrainingHistory::fromJson(const QByteArray& json) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError("the run's history is not JSON (offset " + std::to_string(error.offset) + ": " +
                         error.errorString().toStdString() + ")");
    if (!document.isArray()) return makeError("the run's history is not a list of epochs");
    TrainingHistory history;
    const QJsonArray epochs = document.array();
    for (qsizetype i = 0; i < epochs.size(); ++i) {
        const QJsonObject e = epochs[i].toObject();
        const std::string where = "epoch entry " + std::to_string(i + 1);
        for (const char* key : {"epoch", "train_loss", "learning_rate", "tasks"})
            if (!e.contains(QLatin1String(key))) return makeError(where + ": no '" + key + "'");
        const QJsonObject tasks = e[QStringLiteral("tasks")].toObject();
        if (i == 0) {
            // QJsonObject sorts its keys; the engine writes them in the model's task order,
            // which only the text keeps: the first epoch's task objects come first in it.
            history.tasks_ = tasks.keys();
            auto position = [&json](const QString& task) {
                const QByteArray key = QJsonDocument(QJsonArray{task}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
                const qsizetype compact = json.indexOf(key + ":{");
                return compact >= 0 ? compact : json.indexOf(key + ": {");
            };
            std::stable_sort(history.tasks_.begin(), history.tasks_.end(),
                             [&](const QString& a, const QString& b) { return position(a) < position(b); });
        }
        EpochPoint p;
        p.epoch = e[QStringLiteral("epoch")].toInt();
        p.learningRate = numberOf(e[QStringLiteral("learning_rate")]);
        p.trainLoss = numberOf(e[QStringLiteral("train_loss")]);
        p.validationLoss = numberOf(e[QStringLiteral("validation_loss")]);
        p.best = e[QStringLiteral("best")].toBool();
        p.seconds = numberOf(e[QStringLiteral("seconds")]);
        p.clipsPerSecond = numberOf(e[QStringLiteral("clips_per_second")]);
        for (const QString& task : history.tasks_) {
            const QJsonObject t = tasks[task].toObject();
            p.taskTrainLoss.push_back(numberOf(t[QStringLiteral("train_loss")]));
            p.taskWeight.push_back(numberOf(t[QStringLiteral("weight")]));
            p.taskValidationAccuracy.push_back(numberOf(t[QStringLiteral("validation_accuracy")]));
        }
        history.addEpoch(std::move(p));
    }
    return history;
}

int TrainingHistory::bestEpoch() const {
    int best = 0;
    for (const EpochPoint& p : epochs_)
        if (p.best) best = p.epoch;
    return best;
}

void TrainingHistory::addEpoch(EpochPoint point) {
    auto same = std::find_if(epochs_.begin(), epochs_.end(), [&](const EpochPoint& p) { return p.epoch == point.epoch; });
    if (same != epochs_.end()) {
        *same = std::move(point);
        return;
    }
    epochs_.push_back(std::move(point));
    std::sort(epochs_.begin(), epochs_.end(), [](const EpochPoint& a, const EpochPoint& b) { return a.epoch < b.epoch; });
}

void TrainingHistory::addStep(int epoch, int step, int stepsPerEpoch, double loss) {
    if (epoch != stepEpoch_) {
        stepLosses_.clear();
        stepEpoch_ = epoch;
    }
    stepsPerEpoch_ = stepsPerEpoch;
    if (step >= 1) {
        if (int(stepLosses_.size()) < step) stepLosses_.resize(size_t(step), kNaN);
        stepLosses_[size_t(step - 1)] = loss;
    }
}

std::vector<double> smoothed(const std::vector<double>& values, double weight) {
    std::vector<double> out;
    out.reserve(values.size());
    double average = kNaN;
    for (double v : values) {
        if (!std::isfinite(v)) {
            out.push_back(v);
            continue;
        }
        average = std::isfinite(average) ? weight * average + (1.0 - weight) * v : v;
        out.push_back(average);
    }
    return out;
}

}  // namespace actionlens::ui
