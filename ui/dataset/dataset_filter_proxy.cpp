#include "ui/dataset/dataset_filter_proxy.h"

#include "ui/dataset/dataset_table_model.h"

namespace actionlens::ui {

void DatasetFilterProxy::setAssignedTo(const QString& annotator) {
    if (annotator == assignedTo_) return;
    assignedTo_ = annotator;
    invalidateRowsFilter();
}

bool DatasetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!assignedTo_.isEmpty()) {
        const QStringList assigned =
            sourceModel()->index(sourceRow, DatasetTableModel::Name, sourceParent).data(DatasetTableModel::kAnnotatorsRole).toStringList();
        if (!assigned.contains(assignedTo_)) return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

}  // namespace actionlens::ui
