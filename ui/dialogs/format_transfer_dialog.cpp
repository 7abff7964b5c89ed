#include "ui/dialogs/format_transfer_dialog.h"

#include "core/formats/format_registry.h"
#include "ui/commands/import_command.h"
#include "ui/commands/import_snapshots.h"
#include "ui/document/project_document.h"
#include "ui/window/main_window.h"


#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace actionlens::ui {

namespace {

constexpr int kProgressSteps = 1000;

// What the file chooser offers for a format: a folder, or files of these kinds.
struct FormatSource {
    const char* format;
    bool folder;        // import reads a folder
    const char* filter; // file filter (import source or export target)
    const char* suffix; // default suffix of an export
};

const FormatSource kSources[] = {
    {"coco", false, "COCO keypoints JSON (*.json)", "json"},
    {"openpose", true, "", ""},
    {"native", false, "ActionLens project JSON (*.json)", "json"},
    {"segments-csv", false, "CSV files (*.csv)", "csv"},
    {"elan", false, "ELAN annotation files (*.eaf)", "eaf"},
    {"cvat-video", false, "CVAT for video 1.1 XML (*.xml)", "xml"},
    {"boris", false, "BORIS projects (*.boris)", "boris"},
    {"activitynet", false, "ActivityNet JSON (*.json)", "json"},
    {"ava", false, "AVA actions CSV (*.csv)", "csv"},
    {"ntu-rgbd", false, "NTU RGB+D skeletons (*.skeleton)", ""},
    {"penn-action", true, "", ""},
    {"ucf101", true, "", ""},
    {"hmdb51", true, "", ""},
    {"kinetics", false, "Kinetics CSV (*.csv)", "csv"},
};

QString settingsKey(TransferDirection direction, const char* what) {
    return QStringLiteral("transfer/%1/%2").arg(direction == TransferDirection::Import ? QLatin1String("import") : QLatin1String("export"),
                                                QLatin1String(what));
}

// Formats whose import reads one file or a folder of them: the dialog offers both choosers.
bool readsFileOrFolder(const QString& format) {
    return format == QLatin1String("kinetics") || format == QLatin1String("elan") || format == QLatin1String("ntu-rgbd") ||
           format == QLatin1String("cvat-video");
}

const FormatSource* sourceOf(const QString& format) {
    for (const FormatSource& s : kSources)
        if (format == QLatin1String(s.format)) return &s;
    return nullptr;
}

}  // namespace

FormatTransferDialog::FormatTransferDialog(ProjectDocument& document, TransferDirection direction, QWidget* parent)
    : QDialog(parent), document_(document), direction_(direction) {
    const bool importing = direction_ == TransferDirection::Import;
    setWindowTitle(importing ? tr("Import into the project") : tr("Export the project"));
    format_ = new QComboBox(this);
    for (const formats::FormatHandler& handler : formats::formatHandlers()) {
        if (importing ? !handler.importer : !handler.exporter) continue;
        format_->addItem(QString::fromStdString(handler.name), QString::fromStdString(handler.name));
        format_->setItemData(format_->count() - 1, QString::fromStdString(handler.description), Qt::ToolTipRole);
    }
    formatHelp_ = new QLabel(this);
    formatHelp_->setWordWrap(true);
    path_ = new QLineEdit(this);
    path_->setClearButtonEnabled(true);
    path_->setMinimumWidth(360);
    browse_ = new QPushButton(tr("&Browse..."), this);
    // Kinetics and ELAN read a file or a folder of them; a file dialog picks only one of the two.
    browseFolder_ = new QPushButton(tr("&Folder..."), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->setSpacing(6);
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse_);
    pathRow->addWidget(browseFolder_);

    undoNote_ = new QLabel(this);
    undoNote_->setWordWrap(true);
    if (importing) {
        undoNote_->setText(tr("The import runs as one step: if it fails or is cancelled, the project stays exactly as it "
                              "was. Once done, Edit > Undo (Ctrl+Z) takes it back as a whole; the project is copied "
                              "before and after it for that."));
    } else {
        undoNote_->setText(tr("The file appears only when complete; the project is not changed."));
    }
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progressBar_ = new QProgressBar(this);
    progressBar_->setRange(0, kProgressSteps);
    progressBar_->hide();
    report_ = new QPlainTextEdit(this);
    report_->setReadOnly(true);
    report_->setMaximumBlockCount(1000);
    report_->hide();

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    startButton_ = buttons_->addButton(importing ? tr("&Import") : tr("&Export"), QDialogButtonBox::AcceptRole);
    startButton_->setDefault(true);

    auto* form = new QFormLayout;
    form_ = form;
    form->setSpacing(8);
    form->addRow(tr("Format:"), format_);
    form->addRow(QString(), formatHelp_);
    form->addRow(importing ? tr("Read from:") : tr("Write to:"), pathRow);
    if (importing) {
        annotator_ = new QLineEdit(this);
        annotator_->setPlaceholderText(tr("as the file says"));
        annotator_->setToolTip(tr("Puts every segment the import adds in this annotator's layer: a colleague's file becomes "
                                  "their layer (View > Annotator layers side by side; actionlens-cli agreement)"));
        form->addRow(tr("Annotator layer:"), annotator_);
        layout_ = new QComboBox(this);
        layout_->addItem(tr("BODY_25 (OpenPose's default)"), QString());
        layout_->addItem(tr("BODY_25B (25 points in another order)"), QStringLiteral("BODY_25B"));
        layout_->setToolTip(tr("OpenPose files with 25 points are BODY_25 or BODY_25B: the count cannot tell them apart"));
        form->addRow(tr("Skeleton layout:"), layout_);
        video_ = new QComboBox(this);
        video_->addItem(tr("(none: refuse LIVE observations)"), QString());
        for (const annotation::Video& video : document_.videos()) {
            const QString name = QString::fromStdString(video.name.empty() ? video.path : video.name);
            video_->addItem(name, name);
        }
        video_->setToolTip(tr("BORIS LIVE observations were coded on the spot, without a media file: the project's video "
                              "they belong to"));
        form->addRow(tr("LIVE observations on:"), video_);
    } else {
        pseudonymise_ = new QCheckBox(tr("Pseudonymise"), this);
        pseudonymise_->setToolTip(tr("Subjects, videos and annotators under stable pseudonyms (a keyed hash with the project's "
                                     "secret), no video file names or paths, model runs and consent notes left out"));
        form->addRow(tr("Privacy:"), pseudonymise_);
        keepLayouts_ = new QCheckBox(tr("Keep every skeleton layout (BODY_25, MediaPipe-33 ...) as it is"), this);
        keepLayouts_->setToolTip(tr("Unchecked, layouts that name the 17 COCO joints are written as COCO-17, which most COCO "
                                    "tools read; checked, each layout is a category of its own with all its joints"));
        form->addRow(tr("Skeletons:"), keepLayouts_);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addLayout(form);
    layout->addWidget(undoNote_);
    layout->addWidget(status_);
    layout->addWidget(progressBar_);
    layout->addWidget(report_, 1);
    layout->addWidget(buttons_);

    // The format used last time in this direction (QSettings "transfer/import/format", ...).
    const QString lastFormat = QSettings().value(settingsKey(direction_, "format")).toString();
    if (const int last = format_->findData(lastFormat); last >= 0) format_->setCurrentIndex(last);
    connect(format_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] { updateFormatHelp(); });
    connect(browse_, &QPushButton::clicked, this, &FormatTransferDialog::browse);
    connect(browseFolder_, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder to import"), path_->text());
        if (!chosen.isEmpty()) path_->setText(chosen);
    });
    connect(startButton_, &QPushButton::clicked, this, [this] { start(); });
    connect(buttons_, &QDialogButtonBox::rejected, this, &FormatTransferDialog::reject);
    updateFormatHelp();
    resize(560, 360);
}

FormatTransferDialog::~FormatTransferDialog() { delete job_; }  // cancels and waits

bool FormatTransferDialog::formatReadsFolder() const {
    const FormatSource* source = sourceOf(format_->currentData().toString());
    return direction_ == TransferDirection::Import && source && source->folder;
}

void FormatTransferDialog::updateFormatHelp() {
    const QString description = format_->currentData(Qt::ToolTipRole).toString();
    QString what;
    const QString format = format_->currentData().toString();
    if (direction_ == TransferDirection::Export && format == QLatin1String("elan"))
        what = tr("Writes one .eaf file, or a folder of them (one per video) when the project has several videos.");
    else if (direction_ == TransferDirection::Export)
        what = tr("Writes one file.");
    else if (format == QLatin1String("kinetics"))
        what = tr("Reads a CSV file, or a folder of them.");
    else if (format == QLatin1String("elan"))
        what = tr("Reads an .eaf file, or a folder of them.");
    else
        what = formatReadsFolder() ? tr("Reads a folder.") : tr("Reads one file.");
    formatHelp_->setText(description + QStringLiteral(".\n") + what);
    browseFolder_->setVisible(direction_ == TransferDirection::Import && readsFileOrFolder(format));
    // The format-specific rows appear only for the format that reads them.
    if (layout_) form_->setRowVisible(layout_, format == QLatin1String("openpose"));
    if (video_) form_->setRowVisible(video_, format == QLatin1String("boris"));
    if (keepLayouts_) form_->setRowVisible(keepLayouts_, format == QLatin1String("coco"));
}

void FormatTransferDialog::browse() {
    const QString format = format_->currentData().toString();
    const FormatSource* source = sourceOf(format);
    const QString filter = source && *source->filter ? QString::fromLatin1(source->filter) + QStringLiteral(";;") + tr("All files (*)") : tr("All files (*)");
    QString start = path_->text();
    if (start.isEmpty()) start = QSettings().value(settingsKey(direction_, "folder")).toString();
    if (start.isEmpty() || !QFileInfo(start).isDir()) start = QFileInfo(document_.path()).absolutePath();
    QString chosen;
    if (direction_ == TransferDirection::Export) {
        if (path_->text().isEmpty() && source && *source->suffix)
            start = QDir(start).filePath(document_.displayName() + QStringLiteral(".") + QLatin1String(source->suffix));
        chosen = QFileDialog::getSaveFileName(this, tr("Export to"), start, filter);
    } else if (formatReadsFolder()) {
        chosen = QFileDialog::getExistingDirectory(this, tr("Folder to import"), start);
    } else {
        chosen = QFileDialog::getOpenFileName(this, tr("File to import"), start, filter);
    }
    if (chosen.isEmpty()) return;
    path_->setText(chosen);
    if (direction_ == TransferDirection::Export) confirmedTarget_ = chosen;
}

FormatTransferRequest FormatTransferDialog::request() const {
    FormatTransferRequest r;
    r.direction = direction_;
    r.format = format_->currentData().toString();
    r.path = path_->text().trimmed();
    if (annotator_) r.annotator = annotator_->text().trimmed();
    if (pseudonymise_) r.pseudonymise = pseudonymise_->isChecked();
    if (layout_ && r.format == QLatin1String("openpose")) r.layout = layout_->currentData().toString();
    if (video_ && r.format == QLatin1String("boris")) r.video = video_->currentData().toString();
    if (keepLayouts_ && r.format == QLatin1String("coco")) r.keepSkeletonLayouts = keepLayouts_->isChecked();
    return r;
}

bool FormatTransferDialog::start(bool confirm) {
    if (isRunning()) return false;
    const FormatTransferRequest r = request();
    const bool importing = direction_ == TransferDirection::Import;
    QString problem;
    if (!document_.isOpen())
        problem = tr("No project is open.");
    else if (r.format.isEmpty())
        problem = tr("Choose a format.");
    else if (r.path.isEmpty())
        problem = importing ? tr("Choose what to import.") : tr("Choose the file to write.");
    else if (importing && !QFileInfo::exists(r.path))
        problem = tr("%1 does not exist.").arg(r.path);
    else if (importing && formatReadsFolder() && !QFileInfo(r.path).isDir())
        problem = tr("The %1 format reads a folder; %2 is a file.").arg(r.format, r.path);
    else if (!importing && QFileInfo(r.path).isDir())
        problem = tr("%1 is a folder; choose a file name.").arg(r.path);
    if (!problem.isEmpty()) {
        status_->setText(problem);
        return false;
    }
    if (confirm) {
        const QString question =
            importing ? tr("Import %1 as %2 into %3?\n\nUndo (Ctrl+Z) takes the whole import back. If the import fails or you "
                           "cancel it, nothing changes.")
                            .arg(QFileInfo(r.path).fileName(), r.format, document_.displayName())
                      : QString();
        if (importing && QMessageBox::question(this, windowTitle(), question, QMessageBox::Yes | QMessageBox::No,
                                               QMessageBox::Yes) != QMessageBox::Yes)
            return false;
        // The save dialog of Browse... has asked already.
        if (!importing && QFileInfo::exists(r.path) && r.path != confirmedTarget_ &&
            QMessageBox::question(this, windowTitle(), tr("%1 exists. Replace it?").arg(r.path)) != QMessageBox::Yes)
            return false;
    }

    QSettings().setValue(settingsKey(direction_, "format"), r.format);
    QSettings().setValue(settingsKey(direction_, "folder"), QFileInfo(r.path).absolutePath());
    result_ = {};
    // The store is lent to the job until it finished: see transferFormat.
    annotation::ProjectStore* store = &document_.store();
    auto transferred = std::make_shared<FormatTransferResult>();  // written by the work, read when it finished
    auto* job = new Job(importing ? tr("Importing") : tr("Exporting"),
                        [store, r, transferred](JobContext& context) { *transferred = transferFormat(*store, r, context); }, this);
    if (const QString busy = document_.jobs().start(job, StoreUse::Borrows); !busy.isEmpty()) {
        delete job;
        status_->setText(busy);
        return false;
    }
    job_ = job;
    connect(job, &Job::progressChanged, this, &FormatTransferDialog::showProgress);
    connect(job, &Job::finished, this, [this, transferred] { finish(*transferred); });
    connect(job, &Job::stageChanged, this, [this, path = r.path](const QString& stage) { status_->setText(stage + QLatin1Char(' ') + path); });
    setRunning(true);
    status_->setText(importing ? tr("Importing %1...").arg(r.path) : tr("Exporting to %1...").arg(r.path));
    report_->clear();
    report_->hide();
    Q_EMIT transferStarted();
    return true;
}

void FormatTransferDialog::cancel() {
    if (!isRunning()) return;
    job_->cancel();
    status_->setText(tr("Cancelling..."));
}

void FormatTransferDialog::reject() {
    if (isRunning()) {
        cancel();
        return;
    }
    QDialog::reject();
}

void FormatTransferDialog::showProgress(qint64 done, qint64 total) {
    if (total <= 0) {
        progressBar_->setRange(0, 0);  // busy indicator: the format does not know the total
        return;
    }
    progressBar_->setRange(0, kProgressSteps);
    progressBar_->setValue(int(double(done) / double(total) * kProgressSteps));
    progressBar_->setFormat(tr("%1 of %2").arg(done).arg(total));
}

void FormatTransferDialog::finish(const FormatTransferResult& finished) {
    // The copies for undo go to the command (or are dropped); lastResult() does not keep them
    // alive.
    FormatTransferResult result = finished;
    std::shared_ptr<const ImportSnapshots> snapshots = std::move(result.snapshots);
    result.snapshots.reset();
    job_->deleteLater();
    job_ = nullptr;
    setRunning(false);
    const bool importing = direction_ == TransferDirection::Import;
    const FormatTransferRequest r = request();
    if (importing && result.ok) {
        if (snapshots && snapshots->complete()) {
            // Applied already: the push's redo() does nothing.
            document_.undoStack().push(new ImportCommand(
                document_, snapshots, ImportCommand::describe(r.format, r.path, snapshots->countsBefore(), snapshots->countsAfter())));
        } else {
            // Without the copies the import cannot be undone, and earlier commands were recorded
            // against the project before it: undoing them now could meet rows they never knew.
            document_.undoStack().clear();
            result.warnings.prepend(tr("This import cannot be undone: the project could not be copied (%1). The undo "
                                       "history was cleared; every edit stays saved.")
                                        .arg(result.undoProblem));
        }
        document_.reloadVideos();
        document_.reloadTaxonomy();  // an import may bring classes of its own; then subjects and segments
        document_.reloadSkeletons();
    }
    if (result.ok) {
        progressBar_->setRange(0, kProgressSteps);
        progressBar_->setValue(kProgressSteps);
        status_->setText(importing ? tr("Imported %1.").arg(r.path) : tr("Exported to %1.").arg(r.path));
    } else if (result.cancelled) {
        progressBar_->hide();
        status_->setText(importing ? tr("Cancelled: the project is unchanged.") : tr("Cancelled: no file was written."));
    } else {
        progressBar_->hide();
        status_->setText(importing ? tr("Not imported (the project is unchanged):") : tr("Not exported:"));
        report_->setPlainText(result.message);
        report_->show();
    }
    if (!result.warnings.isEmpty()) {
        report_->appendPlainText(result.warnings.join(QLatin1Char('\n')));
        report_->show();
    }
    result_ = result;
    Q_EMIT transferFinished(result);
}

void FormatTransferDialog::setRunning(bool running) {
    format_->setEnabled(!running);
    path_->setEnabled(!running);
    for (QWidget* option : {static_cast<QWidget*>(annotator_), static_cast<QWidget*>(layout_), static_cast<QWidget*>(video_),
                            static_cast<QWidget*>(pseudonymise_), static_cast<QWidget*>(keepLayouts_)})
        if (option) option->setEnabled(!running);
    browse_->setEnabled(!running);
    browseFolder_->setEnabled(!running);
    startButton_->setEnabled(!running);
    buttons_->button(QDialogButtonBox::Close)->setText(running ? tr("Cancel") : tr("Close"));
    if (running) {
        progressBar_->setRange(0, 0);
        progressBar_->setFormat(QString());
        progressBar_->show();
    }
}

FormatTransferDialog* openFormatTransferDialog(MainWindow& window, TransferDirection direction) {
    const QString title = direction == TransferDirection::Import ? FormatTransferDialog::tr("Import")
                                                                 : FormatTransferDialog::tr("Export");
    ProjectDocument& document = window.document();
    if (!document.isOpen()) {
        QMessageBox::information(&window, title, FormatTransferDialog::tr("Open or create a project first."));
        return nullptr;
    }
    // The job borrows the project's store; nothing else may write it meanwhile.
    if (const QString busy = document.jobs().conflictFor(StoreUse::Borrows); !busy.isEmpty()) {
        QMessageBox::information(&window, title, busy);
        return nullptr;
    }
    window.player().pause();
    auto* dialog = new FormatTransferDialog(document, direction, &window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::ApplicationModal);
    QObject::connect(dialog, &FormatTransferDialog::transferFinished, &window, [&window](const FormatTransferResult& result) {
        if (!result.ok) return;
        ProjectDocument& doc = window.document();
        if (doc.currentVideoId() == 0 && !doc.videos().empty()) window.openProjectVideo(doc.videos().front().id);
    });
    dialog->show();
    return dialog;
}

}  // namespace actionlens::ui
