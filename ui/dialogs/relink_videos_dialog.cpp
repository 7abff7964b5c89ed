#include "ui/dialogs/relink_videos_dialog.h"

#include "ui/commands/relink_videos_command.h"
#include "ui/dataset/dataset_table_model.h"
#include "ui/document/project_document.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <map>

namespace actionlens::ui {

RelinkVideosDialog::RelinkVideosDialog(ProjectDocument& document, QWidget* parent)
    : QDialog(parent), document_(document), missing_(annotation::missingVideos(document.videos())) {
    setWindowTitle(tr("Relink missing videos"));
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    if (missing_.empty()) {
        summary_->setText(tr("Every video file of this project is where the project expects it."));
    } else {
        QStringList names;
        for (const annotation::Video& v : missing_) names << QFileInfo(QString::fromStdString(v.path)).fileName();
        const int shown = 8;
        QString list = names.mid(0, shown).join(QStringLiteral(", "));
        if (names.size() > shown) list += tr(" and %1 more").arg(names.size() - shown);
        summary_->setText(tr("%n video file(s) missing: %1.\nChoose the folder they are in now: each is found by its "
                             "file name and accepted only if its content matches what the project recorded.",
                             nullptr, int(missing_.size()))
                              .arg(list));
    }
    folder_ = new QLineEdit(this);
    folder_->setMinimumWidth(340);
    folder_->setClearButtonEnabled(true);
    browse_ = new QPushButton(tr("&Browse..."), this);
    auto* folderRow = new QHBoxLayout;
    folderRow->setSpacing(6);
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse_);
    recursive_ = new QCheckBox(tr("Search &subfolders too"), this);
    recursive_->setChecked(true);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    progressBar_ = new QProgressBar(this);
    progressBar_->hide();
    report_ = new QPlainTextEdit(this);
    report_->setReadOnly(true);
    report_->hide();
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    startButton_ = buttons_->addButton(tr("&Relink"), QDialogButtonBox::AcceptRole);
    startButton_->setDefault(true);
    startButton_->setEnabled(!missing_.empty());

    auto* form = new QFormLayout;
    form->setSpacing(8);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(QString(), recursive_);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(summary_);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(progressBar_);
    layout->addWidget(report_, 1);
    layout->addWidget(buttons_);

    connect(browse_, &QPushButton::clicked, this, [this] {
        const QString start = folder_->text().isEmpty() ? QFileInfo(document_.path()).absolutePath() : folder_->text();
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder with the moved videos"), start);
        if (!chosen.isEmpty()) folder_->setText(chosen);
    });
    connect(startButton_, &QPushButton::clicked, this, [this] { start(); });
    connect(buttons_, &QDialogButtonBox::rejected, this, &RelinkVideosDialog::reject);
    resize(560, 380);
}

RelinkVideosDialog::~RelinkVideosDialog() { delete job_; }  // cancels and waits

bool RelinkVideosDialog::start() {
    if (isRunning()) return false;
    const QString folder = folder_->text().trimmed();
    if (missing_.empty()) {
        status_->setText(tr("No video file is missing."));
        return false;
    }
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        status_->setText(folder.isEmpty() ? tr("Choose a folder.") : tr("%1 is not a folder.").arg(folder));
        return false;
    }
    setRunning(true);
    status_->setText(tr("Looking for %n video(s) in %1...", nullptr, int(missing_.size())).arg(folder));
    report_->clear();
    report_->hide();
    const bool recursive = recursive_->isChecked();
    auto plan = std::make_shared<Result<annotation::RelinkPlan>>(makeError(""));  // written by the work, read when it finished
    // The search reads files only (hashes), never the store: it works on copies of the records.
    delete job_;
    job_ = new Job(
        tr("Looking for missing videos"),
        [videos = missing_, folder = folder.toStdString(), recursive, plan](JobContext& context) {
            annotation::RelinkOptions options;
            options.recursive = recursive;
            options.cancelRequested = [&context] { return context.isCancelled(); };
            options.progress = [&context](std::int64_t done, std::int64_t total) { context.setProgress(done, total); };
            *plan = annotation::planRelink(videos, folder, options);
        },
        this);
    connect(job_, &Job::progressChanged, this, [this](qint64 done, qint64 total) {
        progressBar_->setRange(0, int(total));
        progressBar_->setValue(int(done));
    });
    connect(job_, &Job::finished, this, [this, plan] { finish(*plan); });
    document_.jobs().start(job_, StoreUse::None);
    return true;
}

void RelinkVideosDialog::cancel() {
    if (job_) job_->cancel();
}

void RelinkVideosDialog::reject() {
    if (isRunning()) {
        cancel();
        status_->setText(tr("Cancelling..."));
        return;
    }
    QDialog::reject();
}

void RelinkVideosDialog::finish(const Result<annotation::RelinkPlan>& plan) {
    setRunning(false);
    progressBar_->hide();
    if (!plan.ok()) {
        status_->setText(job_ && job_->isCancelled() ? tr("Cancelled: nothing was relinked.")
                                                          : tr("Not relinked: %1").arg(QString::fromStdString(plan.error())));
        Q_EMIT finished(0, int(missing_.size()));
        return;
    }
    QStringList lines;
    QString outcome;
    if (!plan->found.empty()) {
        const QString error = RelinkVideosCommand::run(document_, plan->found);
        if (!error.isEmpty()) {
            status_->setText(tr("Not relinked: %1").arg(error));
            Q_EMIT finished(0, int(missing_.size()));
            return;
        }
    }
    for (const annotation::RelinkFound& f : plan->found)
        lines << tr("relinked  %1  ->  %2  (confirmed by %3)")
                     .arg(QString::fromStdString(f.oldPath), QString::fromStdString(f.newPath), QString::fromStdString(f.confirmedBy));
    for (const annotation::RelinkNotFound& n : plan->notFound)
        lines << tr("not found %1: %2").arg(QString::fromStdString(n.oldPath), QString::fromStdString(n.reason));
    status_->setText(tr("Relinked %1 of %2 missing videos%3.")
                         .arg(plan->found.size())
                         .arg(missing_.size())
                         .arg(plan->found.empty() ? QString() : tr(" (one step: Ctrl+Z undoes it)")));
    report_->setPlainText(lines.join(QLatin1Char('\n')));
    report_->show();
    const int relinked = int(plan->found.size()), notRelinked = int(plan->notFound.size());
    missing_ = annotation::missingVideos(document_.videos());
    startButton_->setEnabled(!missing_.empty());
    Q_EMIT finished(relinked, notRelinked);
}

void RelinkVideosDialog::setRunning(bool running) {
    folder_->setEnabled(!running);
    browse_->setEnabled(!running);
    recursive_->setEnabled(!running);
    startButton_->setEnabled(!running && !missing_.empty());
    buttons_->button(QDialogButtonBox::Close)->setText(running ? tr("Cancel") : tr("Close"));
    if (running) {
        progressBar_->setRange(0, 0);
        progressBar_->show();
    }
}

}  // namespace actionlens::ui
