#include "ui/dialogs/preferences_dialog.h"

#include "ui/dialogs/hotkey_edit.h"
#include "ui/editing/annotator_name.h"
#include "ui/document/project_document.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/skeleton_overlay.h"
#include "ui/style/annotation_colours.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace actionlens::ui {

namespace {

const QString kThresholdKey = QStringLiteral("overlays/confidenceThreshold");

QString q(const std::string& s) { return QString::fromStdString(s); }

// The last key of what was typed, as the coder compares it: its text, Shift left out (Shift+A
// types "A", which is the key "a"); chords with Ctrl, Alt or Meta are the window's.
QString plainKeyText(const QKeySequence& sequence, QString* error) {
    if (sequence.isEmpty()) return {};
    const QKeyCombination key = sequence[sequence.count() - 1];
    if (key.keyboardModifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        *error = PreferencesDialog::tr("%1: a hotkey is one key without Ctrl, Alt or Meta (those chords are the window's)")
                     .arg(QKeySequence(key).toString(QKeySequence::NativeText));
        return {};
    }
    return QKeySequence(key.key()).toString(QKeySequence::PortableText).toLower();
}

}  // namespace

float savedConfidenceThreshold() {
    bool ok = false;
    const float value = QSettings().value(kThresholdKey).toFloat(&ok);
    return ok && value >= 0.0f && value <= 1.0f ? value : SkeletonOverlay::kDefaultConfidenceThreshold;
}

PreferencesDialog::PreferencesDialog(ProjectDocument& document, std::map<std::string, std::string> reservedKeys,
                                     QList<QAction*> overlaySwitches, AnnotationOverlays& overlays, QWidget* parent)
    : QDialog(parent), document_(document), reservedKeys_(std::move(reservedKeys)), overlays_(overlays) {
    setWindowTitle(tr("Preferences"));
    pages_ = new QTabWidget(this);
    pages_->addTab(createHotkeyPage(), tr("Action hotkeys"));
    pages_->addTab(createOverlayPage(overlaySwitches), tr("Overlays"));
    pages_->addTab(createAnnotatorPage(), tr("Annotator"));

    auto* note = new QLabel(tr("Changes apply at once and are kept for your user account."), this);
    note->setEnabled(false);  // the palette's quieter text colour
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(note, 1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(pages_, 1);
    layout->addLayout(bottom);
    resize(720, 520);

    // A key typed into a key field must not press Close.
    for (QPushButton* button : findChildren<QPushButton*>()) button->setAutoDefault(false);
    connect(&document_.hotkeys(), &EffectiveHotkeys::changed, this, &PreferencesDialog::updateRows);
    fillTable();
}

QWidget* PreferencesDialog::createHotkeyPage() {
    auto* page = new QWidget(this);
    auto* intro = new QLabel(tr("Your own key for an action wins over the project's, in every project with an action of that "
                                "name. Click a key field and press one key; Reset returns to the project's key."),
                             page);
    intro->setWordWrap(true);
    filter_ = new QLineEdit(page);
    filter_->setPlaceholderText(tr("Filter actions or groups"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, this, &PreferencesDialog::filterRows);

    table_ = new QTableWidget(0, 5, page);
    table_->setHorizontalHeaderLabels({tr("Action"), tr("Group"), tr("Project's key"), tr("Your key"), QString()});
    table_->verticalHeader()->hide();
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    QHeaderView* header = table_->horizontalHeader();
    header->setSectionResizeMode(ActionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(GroupColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ProjectKeyColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UserKeyColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(ResetColumn, QHeaderView::ResizeToContents);
    table_->setColumnWidth(UserKeyColumn, 110);

    message_ = new QLabel(page);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    resetAll_ = new QPushButton(tr("Reset &all"), page);
    resetAll_->setToolTip(tr("Every action of this project back to the project's key"));
    connect(resetAll_, &QPushButton::clicked, this, [this] {
        if (!document_.isOpen()) return;
        document_.hotkeys().resetAll(document_.taxonomy());
        showMessage(tr("All actions use the project's keys."), false);
    });

    auto* row = new QHBoxLayout;
    row->addWidget(message_, 1);
    row->addWidget(resetAll_, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(filter_);
    layout->addWidget(table_, 1);
    layout->addLayout(row);
    return page;
}

QWidget* PreferencesDialog::createOverlayPage(const QList<QAction*>& overlaySwitches) {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    // Each box is the View menu's switch: the action stores and applies it, the box follows it.
    for (QAction* action : overlaySwitches) {
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        if (!action->shortcut().isEmpty())
            text += QStringLiteral("   (%1)").arg(action->shortcut().toString(QKeySequence::NativeText));
        auto* box = new QCheckBox(text, page);
        box->setChecked(action->isChecked());
        connect(box, &QCheckBox::toggled, action, &QAction::setChecked);
        connect(action, &QAction::toggled, box, &QCheckBox::setChecked);
        overlayBoxes_.push_back(box);
        form->addRow(overlayBoxes_.size() == 1 ? tr("Show:") : QString(), box);
    }
    threshold_ = new QDoubleSpinBox(page);
    threshold_->setRange(0.0, 1.0);
    threshold_->setSingleStep(0.05);
    threshold_->setDecimals(2);
    threshold_->setValue(savedConfidenceThreshold());
    threshold_->setToolTip(tr("Joints whose confidence is below this are not drawn (0 draws all)"));
    connect(threshold_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        QSettings().setValue(kThresholdKey, value);
        overlays_.setConfidenceThreshold(float(value));
    });
    form->addRow(tr("Hide joints with confidence below:"), threshold_);
    return page;
}

QWidget* PreferencesDialog::createAnnotatorPage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    annotator_ = new QLineEdit(annotatorName(), page);
    annotator_->setToolTip(tr("Segments you draw or accept from a model record this name (empty: your login name)"));
    connect(annotator_, &QLineEdit::editingFinished, this, [this] {
        setAnnotatorName(annotator_->text());
        annotator_->setText(annotatorName());
    });
    form->addRow(tr("Your name as annotator:"), annotator_);
    auto* hint = new QLabel(tr("Kept with every segment you draw or accept, so a project coded by several people\n"
                               "tells whose each segment is; an accepted prediction also keeps the model that proposed it."),
                            page);
    hint->setEnabled(false);
    form->addRow(hint);
    return page;
}

void PreferencesDialog::fillTable() {
    table_->setRowCount(0);
    const annotation::TaskDefinition* task = document_.isOpen() ? document_.taxonomy().actionTask() : nullptr;
    filter_->setEnabled(task);
    resetAll_->setEnabled(task);
    if (!task) {
        showMessage(document_.isOpen() ? tr("This project's taxonomy has no action task.")
                                       : tr("Open a project to see its actions and give them your own keys."),
                    false);
        return;
    }
    const annotation::Taxonomy& taxonomy = document_.taxonomy();
    table_->setRowCount(int(task->values.size()));
    for (int row = 0; row < int(task->values.size()); ++row) {
        const annotation::TaskValue& value = task->values[size_t(row)];
        const QString action = q(value.name);
        auto* name = new QTableWidgetItem(colourSwatch(actionColour(taxonomy, value.name)), action);
        name->setData(Qt::UserRole, action);
        table_->setItem(row, ActionColumn, name);
        table_->setItem(row, GroupColumn, new QTableWidgetItem(q(value.group)));
        auto* projectKey = new QTableWidgetItem(value.hotkey.empty() ? tr("none") : q(value.hotkey).toUpper());
        projectKey->setTextAlignment(Qt::AlignCenter);
        table_->setItem(row, ProjectKeyColumn, projectKey);

        auto* edit = new HotkeyEdit(table_);
        edit->setToolTip(tr("Click, then press the key you want for %1").arg(action));
        connect(edit, &QKeySequenceEdit::editingFinished, this, [this, action] { commitKeyEdit(action); });
        table_->setCellWidget(row, UserKeyColumn, edit);
        auto* reset = new QPushButton(tr("Reset"), table_);
        reset->setAutoDefault(false);
        reset->setToolTip(tr("Use the project's key for %1").arg(action));
        connect(reset, &QPushButton::clicked, this, [this, action] {
            document_.hotkeys().reset(action);
            showMessage(QString(), false);
        });
        table_->setCellWidget(row, ResetColumn, reset);
    }
    updateRows();
    filterRows(filter_->text());
}

void PreferencesDialog::updateRows() {
    if (!document_.isOpen()) return;
    updating_ = true;
    const annotation::Taxonomy effective = document_.hotkeys().applyTo(document_.taxonomy());
    const annotation::TaskDefinition* task = effective.actionTask();
    for (int row = 0; task && row < table_->rowCount() && row < int(task->values.size()); ++row) {
        const annotation::TaskValue& value = task->values[size_t(row)];
        const QString action = q(value.name);
        const QString yours = document_.hotkeys().userKey(action);
        auto* edit = static_cast<QKeySequenceEdit*>(table_->cellWidget(row, UserKeyColumn));
        edit->setKeySequence(yours.isEmpty() ? QKeySequence() : QKeySequence(yours.toUpper()));
        // Empty reads as "none of yours"; "Press shortcut" in every row would only be noise (the
        // edit puts it back whenever it resets, so it goes here).
        if (auto* text = edit->findChild<QLineEdit*>()) text->setPlaceholderText(QString());
        table_->cellWidget(row, ResetColumn)->setEnabled(!yours.isEmpty());
        // The project's key is struck through where it is not the one in use.
        QTableWidgetItem* projectKey = table_->item(row, ProjectKeyColumn);
        const std::string& own = document_.taxonomy().actionTask()->values[size_t(row)].hotkey;
        QFont font = projectKey->font();
        font.setStrikeOut(!own.empty() && value.hotkey != own);
        projectKey->setFont(font);
        projectKey->setToolTip(!own.empty() && value.hotkey != own
                                   ? (yours.isEmpty() ? tr("Not in use: another action has it as your key")
                                                      : tr("Not in use: you code %1 with %2").arg(action, yours.toUpper()))
                                   : QString());
    }
    updating_ = false;
}

void PreferencesDialog::commitKeyEdit(const QString& action) {
    if (updating_) return;
    const int row = rowOf(action);
    if (row < 0) return;
    auto* edit = static_cast<QKeySequenceEdit*>(table_->cellWidget(row, UserKeyColumn));
    QString error;
    const QString key = plainKeyText(edit->keySequence(), &error);
    if (!error.isEmpty()) {
        showMessage(error, true);
        updateRows();
        return;
    }
    if (key.isEmpty()) {
        updateRows();
        return;
    }
    setUserKey(action, key);
}

QString PreferencesDialog::setUserKey(const QString& action, const QString& key) {
    if (!document_.isOpen()) return tr("No project is open");
    const Status status = document_.hotkeys().setUserKey(document_.taxonomy(), reservedKeys_, action, key);
    if (!status) {
        const QString message = tr("%1 not changed: %2").arg(action, q(status.error()));
        showMessage(message, true);
        updateRows();  // the field shows the key in use again
        return message;
    }
    const QString yours = document_.hotkeys().userKey(action);
    showMessage(yours.isEmpty() ? tr("%1 uses the project's key.").arg(action)
                                : tr("%1 is now coded with %2.").arg(action, yours.toUpper()),
                false);
    updateRows();
    return {};
}

int PreferencesDialog::rowOf(const QString& action) const {
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->item(row, ActionColumn)->data(Qt::UserRole).toString() == action) return row;
    return -1;
}

QKeySequenceEdit* PreferencesDialog::keyEditOf(const QString& action) const {
    const int row = rowOf(action);
    return row < 0 ? nullptr : static_cast<QKeySequenceEdit*>(table_->cellWidget(row, UserKeyColumn));
}

QPushButton* PreferencesDialog::resetButtonOf(const QString& action) const {
    const int row = rowOf(action);
    return row < 0 ? nullptr : static_cast<QPushButton*>(table_->cellWidget(row, ResetColumn));
}

void PreferencesDialog::filterRows(const QString& text) {
    for (int row = 0; row < table_->rowCount(); ++row) {
        const bool match = text.isEmpty() || table_->item(row, ActionColumn)->text().contains(text, Qt::CaseInsensitive) ||
                           table_->item(row, GroupColumn)->text().contains(text, Qt::CaseInsensitive);
        table_->setRowHidden(row, !match);
    }
}

void PreferencesDialog::showPage(int index) { pages_->setCurrentIndex(index); }

void PreferencesDialog::showMessage(const QString& text, bool error) {
    message_->setText(text);
    QPalette palette = message_->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xc6, 0x28, 0x28) : this->palette().color(QPalette::WindowText));
    message_->setPalette(palette);
}

}  // namespace actionlens::ui
