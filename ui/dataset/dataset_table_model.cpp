#include "ui/dataset/dataset_table_model.h"

#include "core/annotation/video_relinking.h"
#include "ui/style/action_icons.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

#include <map>

namespace actionlens::ui {

namespace {
double share(std::int64_t part, std::int64_t whole) { return whole > 0 ? double(part) / double(whole) : 0.0; }
}  // namespace

DatasetTableModel::DatasetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString DatasetTableModel::videoDisplayName(const annotation::Video& video) {
    if (!video.name.empty()) return QString::fromStdString(video.name);
    if (!video.path.empty()) return QFileInfo(QString::fromStdString(video.path)).fileName();
    return tr("video %1").arg(video.id);
}

void DatasetTableModel::setVideos(std::vector<annotation::Video> videos, std::vector<annotation::VideoProgress> progress) {
    beginResetModel();
    std::map<std::int64_t, annotation::VideoProgress> byId;
    for (const auto& p : progress) byId[p.videoId] = p;
    rows_.clear();
    for (auto& v : videos) {
        Row row{std::move(v), {}, false};
        const auto known = missingByPath_.find(row.video.path);
        row.missing = known != missingByPath_.end() ? known->second
                                                     : (missingByPath_[row.video.path] = annotation::videoFileMissing(row.video));
        auto it = byId.find(row.video.id);
        row.progress = it != byId.end() ? it->second : annotation::VideoProgress{row.video.id};
        rows_.push_back(std::move(row));
    }
    endResetModel();
}

std::int64_t DatasetTableModel::videoIdAt(int row) const {
    return row >= 0 && row < int(rows_.size()) ? rows_[size_t(row)].video.id : 0;
}

int DatasetTableModel::rowOfVideo(std::int64_t videoId) const {
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].video.id == videoId) return int(i);
    return -1;
}

int DatasetTableModel::missingCount() const {
    int count = 0;
    for (const Row& row : rows_) count += row.missing ? 1 : 0;
    return count;
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int DatasetTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(rows_.size())) return {};
    const Row& row = rows_[size_t(index.row())];
    const auto& v = row.video;
    const auto& p = row.progress;
    if (role == kVideoIdRole) return qint64(v.id);
    if (role == kMissingRole) return row.missing;
    QStringList assigned;
    for (const auto& a : v.annotators) assigned << QString::fromStdString(a);
    if (role == kAnnotatorsRole) return assigned;
    if (row.missing) {
        if (role == Qt::DecorationRole && index.column() == Name) return actionIcon(ActionIcon::MissingFile);
        if (role == Qt::ForegroundRole) return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (role == Qt::ToolTipRole)
            return tr("The file of this video is missing:\n%1\nUse \"Relink missing...\" to find it in another folder.")
                .arg(QString::fromStdString(v.path));
    }
    const double covered = share(p.framesInSegments, v.frameCount);
    const double skeletons = share(p.framesWithSkeletons, v.frameCount);
    if (role == kSortRole) {
        switch (index.column()) {
        case Name: return videoDisplayName(v).toLower();
        case Frames: return qint64(v.frameCount);
        case Segments: return qint64(p.segments);
        case Covered: return covered;
        case Skeletons: return skeletons;
        case Reviewed: return share(p.reviewedSegments, p.segments);
        case Proposed: return qint64(p.proposedSegments);
        case Accepted: return share(p.acceptedPredictions, p.segments);
        case Splits: return QString::fromStdString(v.splits.empty() ? std::string() : v.splits.front());
        case Assigned: return assigned.join(QStringLiteral(", ")).toLower();
        default: return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return videoDisplayName(v);
        case Frames: return qint64(v.frameCount);
        case Segments: return qint64(p.segments);
        case Covered: return QStringLiteral("%1 %").arg(100.0 * covered, 0, 'f', 0);
        case Skeletons: return QStringLiteral("%1 %").arg(100.0 * skeletons, 0, 'f', 0);
        case Reviewed: return QStringLiteral("%1/%2").arg(p.reviewedSegments).arg(p.segments);
        case Proposed: return p.proposedSegments ? QVariant(qint64(p.proposedSegments)) : QVariant(QString());
        case Accepted: return p.acceptedPredictions ? QStringLiteral("%1/%2").arg(p.acceptedPredictions).arg(p.segments) : QString();
        case Splits: {
            QStringList splits;
            for (const auto& s : v.splits) splits << QString::fromStdString(s);
            return splits.join(QStringLiteral(", "));
        }
        case Assigned: return assigned.join(QStringLiteral(", "));
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != Splits && index.column() != Assigned)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        QString text = tr("%1\n%2 frames, %3 segments by people (%4 reviewed)\n%5 frames inside segments, %6 frames with skeletons")
                           .arg(v.path.empty() ? tr("(no video file: skeletons only)") : QString::fromStdString(v.path))
                           .arg(v.frameCount)
                           .arg(p.segments)
                           .arg(p.reviewedSegments)
                           .arg(p.framesInSegments)
                           .arg(p.framesWithSkeletons);
        if (!assigned.isEmpty()) text += tr("\nAssigned to %1").arg(assigned.join(QStringLiteral(", ")));
        if (p.proposedSegments || p.acceptedPredictions)
            text += tr("\n%1 of the segments accepted from a model's proposals; %2 proposals waiting for review")
                        .arg(p.acceptedPredictions)
                        .arg(p.proposedSegments);
        return text;
    }
    if (role == Qt::ForegroundRole && index.column() == Covered && p.segments == 0) return QBrush(QColor(0xc0, 0x39, 0x2b));
    return {};
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Video");
    case Frames: return tr("Frames");
    case Segments: return tr("Segments");
    case Covered: return tr("Labelled");
    case Skeletons: return tr("Skeletons");
    case Reviewed: return tr("Reviewed");
    case Proposed: return tr("Proposed");
    case Accepted: return tr("Accepted");
    case Splits: return tr("Split");
    case Assigned: return tr("Assigned to");
    default: return {};
    }
}

}  // namespace actionlens::ui
