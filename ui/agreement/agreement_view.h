#pragma once

// AgreementView: Tools > Agreement (the Agreement dock). Two annotators of the project and a
// per-segment task are compared (core/agreement): frames compared, percent agreement, Cohen's
// kappa, Krippendorff's alpha, segment F1 at IoU 0.1 / 0.25 / 0.5 and how far their boundaries
// lie apart; the confusion matrix between them as a heat map (QCustomPlot; right-click exports
// it); and every stretch where they disagree, to walk through: choosing one (double-click,
// Enter) shows it in the player with both layers side by side. The comparison runs as a job
// (ui/jobs) on a read-only connection of its own, with progress and Cancel, so a large project
// never holds up the window.

#include "core/agreement/agreement_report.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace actionlens::ui {

class Job;
class ProjectDocument;

class AgreementView : public QWidget {
    Q_OBJECT
public:
    explicit AgreementView(ProjectDocument& document, QWidget* parent = nullptr);

    // The project's annotators (people's segments) and per-segment tasks into the choosers.
    void reload();
    // Starts comparing the chosen pair as a job; an empty message when it started, or why not (also
    // shown in the view). The results arrive when the job finishes (job(), finished()).
    QString compare();
    // The comparison running or last run, or nullptr.
    Job* job() const { return job_; }
    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* progressBar() const { return progress_; }

    QComboBox* firstBox() const { return first_; }
    QComboBox* secondBox() const { return second_; }
    QComboBox* taskBox() const { return task_; }
    QLabel* summaryLabel() const { return summary_; }
    QTableWidget* disagreementTable() const { return table_; }
    QCustomPlot& confusionPlot() { return *confusion_; }
    const std::vector<agreement::Disagreement>& disagreements() const { return disagreements_; }

Q_SIGNALS:
    void disagreementChosen(const actionlens::agreement::Disagreement& disagreement);
    // A comparison ended: `message` empty when its results are shown, else why not.
    void compared(const QString& message);

private:
    void drawConfusion(const agreement::AgreementReport& report);
    void showReport(const agreement::AgreementReport& report, std::vector<agreement::Disagreement> disagreements);
    void setRunning(bool running);

    ProjectDocument& document_;
    QComboBox* first_ = nullptr;
    QComboBox* second_ = nullptr;
    QComboBox* task_ = nullptr;
    QLabel* summary_ = nullptr;
    QCustomPlot* confusion_ = nullptr;
    QTableWidget* table_ = nullptr;
    QPushButton* compareButton_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    Job* job_ = nullptr;
    std::vector<agreement::Disagreement> disagreements_;
};

}  // namespace actionlens::ui
