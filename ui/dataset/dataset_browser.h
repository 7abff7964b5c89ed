#pragma once

// DatasetBrowser: the project's videos with their annotation progress, filterable by name (and to
// the videos assigned to the user: "Assigned to me") and sortable by any column; activating (or
// selecting) a row asks to open that video. Its context menu assigns the selected videos to an
// annotator or takes them from one (AssignVideosCommand, undoable).

#include "ui/dataset/dataset_filter_proxy.h"
#include "ui/dataset/dataset_table_model.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QLabel;
class QPushButton;

namespace actionlens::ui {

class ProjectDocument;

class DatasetBrowser : public QWidget {
    Q_OBJECT
public:
    explicit DatasetBrowser(ProjectDocument& document, QWidget* parent = nullptr);

    // Reads the videos and their progress from the document's store again, and asks the disk
    // again which video files exist (also when the application becomes active again: files may
    // have moved meanwhile).
    void refresh();
    // The same after an edit (segments, skeletons): counts only, file checks as last known.
    void updateCounts();
    void selectVideo(std::int64_t videoId);  // without emitting videoChosen

    QTableView* table() const { return table_; }
    QLineEdit* filter() const { return filter_; }
    QCheckBox* assignedToMe() const { return assignedToMe_; }
    std::vector<std::int64_t> selectedVideoIds() const;
    // Assigns the selected videos to `annotator` (or takes them from it) as one undoable step;
    // an empty message when done, else why not.
    QString assignSelected(const QString& annotator, bool remove);
    QPushButton* relinkButton() const { return relink_; }
    // "N of M videos", missing files, and what exports and training leave out for want of consent.
    QLabel* summary() const { return summary_; }
    DatasetTableModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }

Q_SIGNALS:
    void videoChosen(std::int64_t videoId);
    void addVideosRequested();
    void addFolderRequested();
    void relinkRequested();
    void statusMessage(const QString& text);

private:
    void updateSummary();
    void fitColumns();  // numbers as wide as they need, the name takes the rest
    void showContextMenu(const QPoint& at);
    void updateAssignedFilter();

    ProjectDocument& document_;
    DatasetTableModel* model_ = nullptr;
    DatasetFilterProxy* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QCheckBox* assignedToMe_ = nullptr;
    QLabel* summary_ = nullptr;
    QPushButton* relink_ = nullptr;  // enabled while video files are missing
    bool selecting_ = false;
};

}  // namespace actionlens::ui
