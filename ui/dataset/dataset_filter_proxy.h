#pragma once

// DatasetFilterProxy: the dataset browser's rows that match the name filter (the proxy's own
// fixed-string filter on the name column) and, when asked, only the videos assigned to one
// annotator ("Assigned to me": the Preferences' annotator name).

#include <QSortFilterProxyModel>

namespace actionlens::ui {

class DatasetFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // Empty: every video.
    void setAssignedTo(const QString& annotator);
    const QString& assignedTo() const { return assignedTo_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString assignedTo_;
};

}  // namespace actionlens::ui
