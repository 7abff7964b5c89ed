#pragma once

// RelinkVideosDialog: finds the project's missing videos (files moved or renamed) in a folder
// the user picks, by file name confirmed by content hash (annotation::planRelink), as a Job
// with progress and Cancel; then relinks all it found as one undoable step
// (RelinkVideosCommand) and reports what was relinked and what was not, with the reason.

#include "core/annotation/video_relinking.h"
#include "ui/jobs/job.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace actionlens::ui {

class MainWindow;
class ProjectDocument;

class RelinkVideosDialog : public QDialog {
    Q_OBJECT
public:
    explicit RelinkVideosDialog(ProjectDocument& document, QWidget* parent = nullptr);
    ~RelinkVideosDialog() override;  // cancels a running search and waits for it

    // Starts searching the folder in the form; false (with the reason shown) if there is
    // nothing to relink or no folder.
    bool start();
    void cancel();
    bool isRunning() const { return job_ && job_->isRunning(); }
    void reject() override;  // cancels while searching, else closes

    const std::vector<annotation::Video>& missing() const { return missing_; }
    QLineEdit* folderEdit() const { return folder_; }
    QCheckBox* recursiveBox() const { return recursive_; }
    QPlainTextEdit* report() const { return report_; }
    QLabel* statusLabel() const { return status_; }

Q_SIGNALS:
    // The search ended and what it found is relinked (or the error/cancel is shown).
    void finished(int relinked, int notRelinked);

private:
    void finish(const Result<annotation::RelinkPlan>& plan);
    void setRunning(bool running);

    ProjectDocument& document_;
    std::vector<annotation::Video> missing_;
    QLabel* summary_ = nullptr;
    QLineEdit* folder_ = nullptr;
    QPushButton* browse_ = nullptr;
    QCheckBox* recursive_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QPlainTextEdit* report_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPointer<Job> job_;
};

}  // namespace actionlens::ui
