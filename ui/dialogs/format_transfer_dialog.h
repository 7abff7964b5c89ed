#pragma once

// FormatTransferDialog: File > Import... and File > Export... for every format of core/formats.
// The form picks the format (those that can import, or export), the file or folder, and shows
// what the format reads or writes; Import/Export runs transferFormat as a Job with a
// progress bar and Cancel. A failed or cancelled import changes nothing (one transaction) and
// the error names the file and line or field as the format reports it. An import cannot be
// undone step by step: the dialog says so before it starts, and afterwards the undo history is
// cleared (every earlier edit stays saved). The dialog is modal: while the worker holds the
// project's store nothing else may use it.

#include "ui/jobs/format_transfer.h"
#include "ui/jobs/job.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace actionlens::ui {

class MainWindow;
class ProjectDocument;

class FormatTransferDialog : public QDialog {
    Q_OBJECT
public:
    FormatTransferDialog(ProjectDocument& document, TransferDirection direction, QWidget* parent = nullptr);
    ~FormatTransferDialog() override;  // cancels a running transfer and waits for it

    TransferDirection direction() const { return direction_; }
    FormatTransferRequest request() const;  // from the form
    // Starts the transfer; false (with the reason shown) when the form is incomplete or the
    // user declined the import confirmation. `confirm` false skips that question (tests, scripts).
    bool start(bool confirm = true);
    void cancel();
    bool isRunning() const { return job_ && job_->isRunning(); }
    const FormatTransferResult& lastResult() const { return result_; }
    // Cancel/Escape/close: cancels while running (the dialog stays to say so), else closes.
    void reject() override;

    QComboBox* formatBox() const { return format_; }
    QLineEdit* pathEdit() const { return path_; }
    QLineEdit* annotatorEdit() const { return annotator_; }  // null when exporting
    QCheckBox* pseudonymiseBox() const { return pseudonymise_; }  // null when importing
    QComboBox* layoutBox() const { return layout_; }              // import, shown for openpose
    QComboBox* videoBox() const { return video_; }                // import, shown for boris
    QCheckBox* keepLayoutsBox() const { return keepLayouts_; }    // export, shown for coco
    QProgressBar* progressBar() const { return progressBar_; }
    QLabel* statusLabel() const { return status_; }
    QPlainTextEdit* report() const { return report_; }
    QPushButton* startButton() const { return startButton_; }

Q_SIGNALS:
    void transferStarted();
    // After the project was reloaded (import) or the file written (export).
    void transferFinished(const actionlens::ui::FormatTransferResult& result);

private:
    void browse();
    void updateFormatHelp();
    void showProgress(qint64 done, qint64 total);
    void finish(const FormatTransferResult& result);
    void setRunning(bool running);
    bool formatReadsFolder() const;

    ProjectDocument& document_;
    TransferDirection direction_;
    QComboBox* format_ = nullptr;
    QLabel* formatHelp_ = nullptr;
    QLineEdit* path_ = nullptr;
    QLineEdit* annotator_ = nullptr;  // import only
    QCheckBox* pseudonymise_ = nullptr;  // export only
    QComboBox* layout_ = nullptr;       // import only
    QComboBox* video_ = nullptr;        // import only
    QCheckBox* keepLayouts_ = nullptr;  // export only
    QFormLayout* form_ = nullptr;
    QPushButton* browse_ = nullptr;
    QPushButton* browseFolder_ = nullptr;  // only for formats that read a file or a folder
    QLabel* undoNote_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QPlainTextEdit* report_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPointer<Job> job_;
    FormatTransferResult result_;
    QString confirmedTarget_;  // an export file whose replacing the save dialog confirmed
};

// The File menu's Import.../Export... of `window`: says why not when no project is open or other
// background work is still writing the project; pauses playback; opens the dialog modal.
FormatTransferDialog* openFormatTransferDialog(MainWindow& window, TransferDirection direction);

}  // namespace actionlens::ui
