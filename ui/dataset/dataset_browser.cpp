#include "ui/dataset/dataset_browser.h"

#include "core/annotation/project_store.h"
#include "ui/commands/assign_videos_command.h"
#include "ui/dataset/dataset_filter_proxy.h"
#include "ui/document/project_document.h"
#include "ui/editing/annotator_name.h"
#include "ui/style/action_icons.h"

#include <QCheckBox>
#include <QFontMetrics>
#include <QInputDialog>
#include <QMenu>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace actionlens::ui {

DatasetBrowser::DatasetBrowser(ProjectDocument& document, QWidget* parent) : QWidget(parent), document_(document) {
    model_ = new DatasetTableModel(this);
    proxy_ = new DatasetFilterProxy(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(DatasetTableModel::kSortRole);
    proxy_->setFilterKeyColumn(DatasetTableModel::Name);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter videos by name"));
    filter_->setClearButtonEnabled(true);
    table_ = new QTableView(this);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(DatasetTableModel::Name, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows: the context menu assigns the selected videos at once.
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table_, &QWidget::customContextMenuRequested, this, &DatasetBrowser::showContextMenu);
    assignedToMe_ = new QCheckBox(tr("Assigned to me"), this);
    assignedToMe_->setToolTip(tr("Only the videos assigned to you (your annotator name: Edit > Preferences)"));
    connect(assignedToMe_, &QCheckBox::toggled, this, [this] {
        updateAssignedFilter();
        updateSummary();
    });
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(24);
    table_->setAlternatingRowColors(true);
    table_->setShowGrid(false);
    QFont compact = table_->font();
    compact.setPointSizeF(compact.pointSizeF() * 0.92);
    table_->setFont(compact);
    table_->horizontalHeader()->setFont(compact);
    table_->horizontalHeader()->setStyleSheet(QStringLiteral("QHeaderView::section { padding: 2px 4px; }"));
    // Numbers as wide as they need, the name takes the rest: every column fits the dock's
    // default width without a horizontal scroll bar.
    // (fitColumns: the header's own size hint reserves room for a sort arrow in every column.)
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setSectionResizeMode(DatasetTableModel::Name, QHeaderView::Stretch);
    table_->horizontalHeader()->setStretchLastSection(false);
    summary_ = new QLabel(this);
    // The window's text colour: palette(mid) was too faint to read on the light theme.
    summary_->setTextFormat(Qt::RichText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    auto* add = new QPushButton(actionIcon(ActionIcon::AddVideos), tr("Add videos..."), this);
    add->setToolTip(tr("Add video files to the project (read in the background; undoable)"));
    connect(add, &QPushButton::clicked, this, &DatasetBrowser::addVideosRequested);
    auto* addFolder = new QPushButton(actionIcon(ActionIcon::AddFolder), tr("Add folder..."), this);
    addFolder->setToolTip(tr("Add every video of a folder (and, if you like, its subfolders) that the project does not have yet"));
    connect(addFolder, &QPushButton::clicked, this, &DatasetBrowser::addFolderRequested);
    relink_ = new QPushButton(actionIcon(ActionIcon::Relink), tr("Relink missing..."), this);
    relink_->setToolTip(tr("Find moved or renamed video files in a folder (by name, confirmed by content)"));
    relink_->setEnabled(false);
    connect(relink_, &QPushButton::clicked, this, &DatasetBrowser::relinkRequested);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(add);
    buttons->addWidget(addFolder);
    buttons->addStretch(1);
    buttons->addWidget(relink_);
    auto* filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(filter_, 1);
    filters->addWidget(assignedToMe_);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addWidget(table_, 1);
    layout->addWidget(summary_);

    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setFilterFixedString(text);
        updateSummary();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (selecting_ || !current.isValid()) return;
        Q_EMIT videoChosen(current.data(DatasetTableModel::kVideoIdRole).toLongLong());
    });
    connect(&document_, &ProjectDocument::segmentsChanged, this, &DatasetBrowser::updateCounts);
    connect(&document_, &ProjectDocument::videosChanged, this, &DatasetBrowser::refresh);
    connect(&document_, &ProjectDocument::skeletonsChanged, this, &DatasetBrowser::updateCounts);  // skeleton coverage
    connect(&document_, &ProjectDocument::subjectsChanged, this, &DatasetBrowser::updateSummary);  // consent
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive && document_.isOpen()) refresh();
    });
}

void DatasetBrowser::refresh() {
    model_->forgetFileChecks();
    updateAssignedFilter();  // the annotator name may have changed in Preferences
    updateCounts();
}

void DatasetBrowser::updateAssignedFilter() { proxy_->setAssignedTo(assignedToMe_->isChecked() ? annotatorName() : QString()); }

std::vector<std::int64_t> DatasetBrowser::selectedVideoIds() const {
    std::vector<std::int64_t> ids;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        ids.push_back(index.data(DatasetTableModel::kVideoIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString DatasetBrowser::assignSelected(const QString& annotator, bool remove) {
    const std::vector<std::int64_t> ids = selectedVideoIds();
    const QString message = AssignVideosCommand::run(document_, ids, annotator, remove);
    Q_EMIT statusMessage(!message.isEmpty() ? message : document_.undoStack().undoText());
    return message;
}

void DatasetBrowser::showContextMenu(const QPoint& at) {
    if (!document_.isOpen() || selectedVideoIds().empty()) return;
    const QString me = annotatorName();
    std::set<QString> known{me}, onSelected;
    for (const annotation::Video& v : document_.videos())
        for (const std::string& a : v.annotators) known.insert(QString::fromStdString(a));
    for (const std::int64_t id : selectedVideoIds())
        if (const annotation::Video* v = document_.video(id))
            for (const std::string& a : v->annotators) onSelected.insert(QString::fromStdString(a));
    QMenu menu(this);
    menu.addAction(tr("Assign to me (%1)").arg(me), this, [this, me] { assignSelected(me, false); });
    menu.addAction(tr("Assign to annotator..."), this, [this, known, me] {
        bool ok = false;
        QStringList names(known.begin(), known.end());
        const QString name = QInputDialog::getItem(this, tr("Assign videos"), tr("Annotator (type a new name, or pick one):"), names,
                                                   int(names.indexOf(me)), true, &ok);
        if (ok && !name.trimmed().isEmpty()) assignSelected(name, false);
    });
    QMenu* take = menu.addMenu(tr("Take from"));
    take->setEnabled(!onSelected.empty());
    for (const QString& name : onSelected) take->addAction(name, this, [this, name] { assignSelected(name, true); });
    menu.exec(table_->viewport()->mapToGlobal(at));
}

void DatasetBrowser::updateCounts() {
    const std::int64_t current = document_.currentVideoId();
    if (!document_.isOpen()) {
        model_->setVideos({}, {});
    } else {
        auto progress = document_.store().videoProgress();
        model_->setVideos(document_.videos(), progress ? std::move(progress).value() : std::vector<annotation::VideoProgress>{});
    }
    selectVideo(current);
    updateSummary();
    bool anyAssigned = false;
    for (const annotation::Video& video : document_.videos()) anyAssigned = anyAssigned || !video.annotators.empty();
    table_->setColumnHidden(DatasetTableModel::Assigned, !document_.isOpen() || !anyAssigned);
    fitColumns();
}

void DatasetBrowser::fitColumns() {
    const QFontMetrics header(table_->horizontalHeader()->font());
    for (int column = 0; column < DatasetTableModel::ColumnCount; ++column) {
        if (column == DatasetTableModel::Name) continue;
        const QString title = model_->headerData(column, Qt::Horizontal).toString();
        int widest = header.horizontalAdvance(title) + 16;
        const QFontMetrics cells(table_->font());
        // The first rows are enough to size a column of numbers (as Qt's own resizing does).
        for (int row = 0; row < std::min(model_->rowCount(), 500); ++row)
            widest = std::max(widest, cells.horizontalAdvance(model_->index(row, column).data().toString()) + 14);
        table_->setColumnWidth(column, widest);
    }
}

void DatasetBrowser::selectVideo(std::int64_t videoId) {
    const int row = model_->rowOfVideo(videoId);
    selecting_ = true;
    if (row < 0) {
        table_->selectionModel()->clearSelection();
    } else {
        const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
        table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table_->scrollTo(index);
    }
    selecting_ = false;
}

void DatasetBrowser::updateSummary() {
    const int missing = model_->missingCount();
    QString text = tr("%1 of %2 videos").arg(proxy_->rowCount()).arg(model_->rowCount());
    if (missing > 0) text += tr("  \u00b7  <span style=\"color:#c0392b\">%n file(s) missing</span>", nullptr, missing);
    // What exports and training leave out by default once any consent is recorded.
    QString leftOut;
    if (document_.isOpen() && annotation::consentRecorded(document_.subjects())) {
        std::vector<std::int64_t> ids;
        QStringList names;
        for (const annotation::Subject& subject : document_.subjects())
            if (!annotation::consents(subject)) {
                ids.push_back(subject.id);
                names << QString::fromStdString(subject.name);
            }
        if (!ids.empty()) {
            auto reach = document_.store().reachOfSubjects(ids);
            if (reach) {
                text += tr("  \u00b7  <span style=\"color:#b9770e\">without consent: %n subject(s)", nullptr, int(ids.size())) +
                        tr(", %n segment(s)", nullptr, int(reach->segments)) + tr(" in %n video(s) left out of exports and training</span>",
                                                                                  nullptr, int(reach->videos));
                leftOut = tr("Left out of exports and training (consent not given): %1; %2 skeleton frames")
                              .arg(names.join(QStringLiteral(", ")))
                              .arg(reach->skeletonFrames);
            }
        }
    }
    summary_->setText(text);
    summary_->setToolTip(leftOut);
    relink_->setEnabled(missing > 0);
    relink_->setText(missing > 0 ? tr("Relink %1 missing...").arg(missing) : tr("Relink missing..."));
}

}  // namespace actionlens::ui
