#include "ui/dialogs/label_removal_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace actionlens::ui {

LabelRemovalDialog::LabelRemovalDialog(const LabelRemovalQuestion& question, QWidget* parent) : QDialog(parent) {
    setWindowTitle(question.title);
    auto* message = new QLabel(question.message, this);
    message->setWordWrap(true);
    relabel_ = new QRadioButton(tr("&Relabel them as"), this);
    targets_ = new QComboBox(this);
    targets_->addItems(question.relabelTargets);
    clear_ = new QRadioButton(question.clearText, this);
    const bool canRelabel = !question.relabelTargets.isEmpty();
    relabel_->setEnabled(canRelabel);
    targets_->setEnabled(canRelabel);
    (canRelabel ? relabel_ : clear_)->setChecked(true);
    connect(relabel_, &QRadioButton::toggled, targets_, &QComboBox::setEnabled);
    connect(targets_, &QComboBox::activated, this, [this] { relabel_->setChecked(true); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Remove"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* relabelRow = new QHBoxLayout;
    relabelRow->addWidget(relabel_);
    relabelRow->addWidget(targets_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(message);
    layout->addLayout(relabelRow);
    layout->addWidget(clear_);
    layout->addSpacing(4);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

LabelRemovalChoice LabelRemovalDialog::choice() const {
    LabelRemovalChoice choice;
    if (relabel_->isChecked()) choice.relabelTo = targets_->currentIndex();
    return choice;
}

std::optional<LabelRemovalChoice> LabelRemovalDialog::ask(QWidget* parent, const LabelRemovalQuestion& question) {
    LabelRemovalDialog dialog(question, parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.choice();
}

}  // namespace actionlens::ui
