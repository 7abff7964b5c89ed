#pragma once

// RunsView (the Runs dock): the project's model runs (trained in the window or by
// `actionlens-cli train -p`, evaluations, ablations) with their status, when and how long, epochs,
// best mean validation accuracy, device and model file; a run whose model file is gone or
// damaged says so. Show a run's curves in the Training dock, overlay a second run's for
// comparison, add a run from a model file that could not record itself (Runs > Add from file),
// delete a run's record (undoable; its model file is deleted only if the user also asks).

#include "core/annotation/training_run.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <vector>

class QPushButton;
class QTableWidget;

namespace actionlens::ui {

class ProjectDocument;

class RunsView : public QWidget {
    Q_OBJECT
public:
    explicit RunsView(ProjectDocument& document, QWidget* parent = nullptr);

    void refresh();
    const std::vector<annotation::TrainingRun>& runs() const { return runs_; }
    QTableWidget* table() const { return table_; }
    std::vector<std::int64_t> selectedRunIds() const;
    const annotation::TrainingRun* runById(std::int64_t id) const;
    // "model file missing", "model file damaged: ...", or empty when it reads.
    static QString checkpointProblem(const annotation::TrainingRun& run);

    // Adds the run recorded in a model file; an empty message, or why not.
    QString addFromFile(const QString& path);
    // Deletes the selected runs' records (one undo step each); the files stay.
    void deleteSelected(bool deleteModelFiles);

Q_SIGNALS:
    void showRunRequested(std::int64_t runId);
    void compareRequested(std::int64_t runId, std::int64_t otherRunId);
    void evaluateRequested(std::int64_t runId);
    void resumeRequested(std::int64_t runId);
    void predictRequested(std::int64_t runId);

private:
    // checkpointProblem, read again only when the file changed: the list refreshes after every
    // epoch of a run in progress, and reading every model file's header each time is waste.
    QString cachedCheckpointProblem(const annotation::TrainingRun& run);

    ProjectDocument& document_;
    QTableWidget* table_ = nullptr;
    QPushButton* show_ = nullptr;
    QPushButton* compare_ = nullptr;
    QPushButton* evaluate_ = nullptr;
    QPushButton* resume_ = nullptr;
    QPushButton* predict_ = nullptr;
    QPushButton* delete_ = nullptr;
    std::vector<annotation::TrainingRun> runs_;
    struct CheckedFile {
        QDateTime modified;
        qint64 size = -1;
        QString problem;
    };
    QHash<QString, CheckedFile> checked_;  // by model file path
};

}  // namespace actionlens::ui
