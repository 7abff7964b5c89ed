#include "ui/dataset_browser.h"

#include "ui/project_document.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace actionlens::ui {

DatasetBrowser::DatasetBrowser(ProjectDocument& document, QWidget* parent) : QWidget(parent), document_(document) {
    model_ = new DatasetTableModel(this);
    proxy_ = new QSortFilterProxyModel(this);
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
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(24);
    table_->setAlternatingRowColors(true);
    table_->setShowGrid(false);
    QFont compact = table_->font();
    compact.setPointSizeF(compact.pointSizeF() * 0.92);
    table_->setFont(compact);
    table_->horizontalHeader()->setFont(compact);
    table_->horizontalHeader()->setStyleSheet(QStringLiteral("QHeaderView::section { padding: 2px 5px; }"));
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    summary_ = new QLabel(this);
    summary_->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    auto* add = new QPushButton(tr("Add videos..."), this);
    add->setToolTip(tr("Add video files to the project (read in the background; undoable)"));
    connect(add, &QPushButton::clicked, this, &DatasetBrowser::addVideosRequested);
    auto* top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(filter_, 1);
    top->addWidget(add);
    layout->addLayout(top);
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
    connect(&document_, &ProjectDocument::segmentsChanged, this, &DatasetBrowser::refresh);
    connect(&document_, &ProjectDocument::videosChanged, this, &DatasetBrowser::refresh);
    connect(&document_, &ProjectDocument::skeletonsChanged, this, &DatasetBrowser::refresh);  // skeleton coverage
}

void DatasetBrowser::refresh() {
    const std::int64_t current = document_.currentVideoId();
    if (!document_.isOpen()) {
        model_->setVideos({}, {});
    } else {
        auto progress = document_.store().videoProgress();
        model_->setVideos(document_.videos(), progress ? std::move(progress).value() : std::vector<annotation::VideoProgress>{});
    }
    selectVideo(current);
    updateSummary();
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
    summary_->setText(tr("%1 of %2 videos").arg(proxy_->rowCount()).arg(model_->rowCount()));
}

}  // namespace actionlens::ui
