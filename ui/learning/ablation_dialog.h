#pragma once

// AblationDialog (Model > Single-task vs multi-task ablation...): seeds, folds and the split to
// cross-validate over; the models use the training config of Model > Train... as last used
// (Edit config... opens that form). How many models that trains is said before it starts.

#include "ui/learning/ablation_session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace actionlens::ui {

class ProjectDocument;

class AblationDialog : public QDialog {
    Q_OBJECT
public:
    explicit AblationDialog(ProjectDocument& document, QWidget* parent = nullptr);
    AblationSettings settings() const;

    QSpinBox* seedsBox() const { return seeds_; }
    QSpinBox* foldsBox() const { return folds_; }
    QComboBox* splitBox() const { return split_; }

private:
    void updateSummary();

    ProjectDocument& document_;
    train::TrainConfig config_;
    QSpinBox* seeds_ = nullptr;
    QSpinBox* folds_ = nullptr;
    QComboBox* split_ = nullptr;
    QLabel* summary_ = nullptr;
};

}  // namespace actionlens::ui
