#pragma once

// AblationView (the Ablation dock): single-task against multi-task models, per task: a table
// (pairs, single-task and multi-task accuracy as mean +- std, the paired difference with its
// 95 % interval) and a bar chart of the two means with their 95 % intervals; progress and
// Cancel while it runs; the table exports as CSV, the chart as PNG, SVG or PDF.

#include "core/train/ablation.h"

#include <QString>

#include <QWidget>

class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace actionlens::ui {

class AblationSession;

class AblationView : public QWidget {
    Q_OBJECT
public:
    explicit AblationView(QWidget* parent = nullptr);

    void follow(AblationSession* session);
    void setReport(const QString& title, const train::AblationReport& report);
    void setMessage(const QString& message);
    QString exportTable(const QString& path) const;  // train::ablationToCsv; an empty message when written

    QTableWidget* table() const { return table_; }
    QCustomPlot* chart() const { return chart_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLabel* notesLabel() const { return notes_; }

private:
    train::AblationReport report_;
    QLabel* title_ = nullptr;
    QLabel* notes_ = nullptr;  // what the ablation said before it started (tasks it cannot mirror)
    QProgressBar* progress_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QTableWidget* table_ = nullptr;
    QCustomPlot* chart_ = nullptr;
    AblationSession* session_ = nullptr;
};

}  // namespace actionlens::ui
