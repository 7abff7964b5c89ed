#pragma once

// DatasetTableModel: one row per video of the project with its annotation progress (people's
// segments, share of frames inside them, share of frames with skeletons, reviewed segments, a
// model's proposals waiting for review, segments accepted from proposals, splits, the annotators it is
// assigned to). Qt::UserRole gives
// each cell's number for sorting and the video id in every column. A video whose file is missing
// (moved or deleted: annotation::videoFileMissing) is marked in red with a warning icon.

#include "core/annotation/video.h"
#include "core/annotation/video_progress.h"

#include <QAbstractTableModel>

#include <map>
#include <string>
#include <vector>

namespace actionlens::ui {

class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Who a video is assigned to comes beside its name: where a team assigns work, it is what an
    // annotator looks for first (the browser hides the column while no video is assigned).
    enum Column { Name, Assigned, Frames, Segments, Covered, Skeletons, Reviewed, Proposed, Accepted, Splits, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kVideoIdRole = Qt::UserRole + 1;
    static constexpr int kMissingRole = Qt::UserRole + 2;  // bool: the video's file is not there
    static constexpr int kAnnotatorsRole = Qt::UserRole + 3;  // QStringList: whom the video is assigned to

    explicit DatasetTableModel(QObject* parent = nullptr);

    // Whether each video's file exists is asked of the disk once per path and then remembered
    // (an edit's refresh must not stat every file again: slow on network folders) until
    // forgetFileChecks().
    void setVideos(std::vector<annotation::Video> videos, std::vector<annotation::VideoProgress> progress);
    void forgetFileChecks() { missingByPath_.clear(); }
    std::int64_t videoIdAt(int row) const;
    int rowOfVideo(std::int64_t videoId) const;  // -1 if absent
    int missingCount() const;  // videos whose file is missing (as of the last setVideos)

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString videoDisplayName(const annotation::Video& video);

private:
    struct Row {
        annotation::Video video;
        annotation::VideoProgress progress;
        bool missing = false;
    };
    std::vector<Row> rows_;
    std::map<std::string, bool> missingByPath_;
};

}  // namespace actionlens::ui
