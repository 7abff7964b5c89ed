#include "ui/learning/ablation_dialog.h"

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"
#include "ui/learning/train_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace actionlens::ui {

AblationDialog::AblationDialog(ProjectDocument& document, QWidget* parent)
    : QDialog(parent), document_(document), config_(rememberedTrainConfig()) {
    setWindowTitle(tr("Single-task vs multi-task ablation"));
    seeds_ = new QSpinBox;
    seeds_->setRange(1, 20);
    seeds_->setValue(3);
    seeds_->setToolTip(tr("Repetitions with different seeds (initialisation, sampling, augmentation)"));
    folds_ = new QSpinBox;
    folds_->setRange(2, 20);
    folds_->setValue(5);
    folds_->setToolTip(tr("Cross-validation folds; the clips of one video stay in one fold"));
    split_ = new QComboBox;
    if (document_.isOpen())
        if (auto splits = document_.store().splitCounts(); splits)
            for (const auto& s : splits.value())
                split_->addItem(tr("%1 (%2 segments)").arg(QString::fromStdString(s.split)).arg(s.segments), QString::fromStdString(s.split));
    split_->addItem(tr("all (every segment)"), QStringLiteral("all"));
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Seeds:"), seeds_);
    form->addRow(tr("Folds:"), folds_);
    form->addRow(tr("Clips of:"), split_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run"));
    QPushButton* edit = buttons->addButton(tr("Edit config..."), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(edit, &QPushButton::clicked, this, [this] {
        TrainDialog form(document_, this);
        form.setConfig(config_);
        if (form.exec() == QDialog::Accepted)
            if (auto chosen = form.settings(); chosen) config_ = chosen->config;
        updateSummary();
    });
    for (QSpinBox* box : {seeds_, folds_}) connect(box, &QSpinBox::valueChanged, this, &AblationDialog::updateSummary);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(summary_);
    layout->addWidget(buttons);
    updateSummary();
}

void AblationDialog::updateSummary() {
    const int tasks = config_.tasks.empty() ? int(document_.isOpen() ? document_.taxonomy().tasks.size() : 0) : int(config_.tasks.size());
    const int models = seeds_->value() * folds_->value() * (tasks + 1);
    summary_->setText(tr("Trains %1 models (seeds x folds x (one multi-task + %2 single-task)), %3 epochs each, with the "
                         "training config last used in Model > Train... (trunk %4). It runs in the background; the window stays usable.")
                          .arg(models)
                          .arg(tasks)
                          .arg(config_.epochs)
                          .arg(QString::fromLatin1(model::trunkKindName(config_.trunkKind))));
}

AblationSettings AblationDialog::settings() const {
    AblationSettings s;
    s.config = config_;
    s.seeds = seeds_->value();
    s.folds = folds_->value();
    s.split = split_->currentData().toString();
    return s;
}

}  // namespace actionlens::ui
