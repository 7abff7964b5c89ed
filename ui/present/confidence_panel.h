#pragma once

// ConfidencePanel: the presentation view's live answers, large and readable from the back of a
// room: per subject (its colour and name) and per task, the likeliest classes as bars with their
// probability. Bars glide to new values (about a fifth of a second) instead of jumping, so the
// panel reads as motion rather than flicker when the answers change frame by frame.

#include "ui/present/live_predictions.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QTimer;

namespace actionlens::ui {

class ConfidencePanel : public QWidget {
    Q_OBJECT
public:
    struct Subject {
        QString name;
        QColor colour;
        SubjectAnswer answer;
    };

    explicit ConfidencePanel(QWidget* parent = nullptr);

    // The answers to glide to; a line instead when there are none ("Reading the video...").
    void setAnswers(std::vector<Subject> subjects);
    void setMessage(const QString& message);
    const std::vector<Subject>& subjects() const { return subjects_; }
    QString message() const { return message_; }
    // The bar shown now for a subject's task and class (animated), 0 when not shown.
    double shownValue(std::int64_t subjectId, const std::string& task, const std::string& cls) const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void step();

    std::vector<Subject> subjects_;
    QString message_;
    std::map<std::string, double> shown_;  // key: subject/task/class
    QTimer* animation_ = nullptr;
};

}  // namespace actionlens::ui
