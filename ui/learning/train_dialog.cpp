#include "ui/learning/train_dialog.h"

#include "core/annotation/project_store.h"
#include "core/train/json_text.h"
#include "ui/document/project_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

namespace actionlens::ui {

namespace {

const QStringList kCommonKeys = {QStringLiteral("trunk"),         QStringLiteral("tasks"),      QStringLiteral("weighting"),
                                 QStringLiteral("pcgrad"),        QStringLiteral("epochs"),     QStringLiteral("batch_size"),
                                 QStringLiteral("learning_rate"), QStringLiteral("augment"),    QStringLiteral("device"),
                                 QStringLiteral("validation_fraction")};

// Keys whose value is one of a few words.
QStringList choicesOf(const QString& key) {
    if (key == QLatin1String("trunk")) return {QStringLiteral("skeleton"), QStringLiteral("video"), QStringLiteral("fusion")};
    if (key == QLatin1String("weighting"))
        return {QStringLiteral("equal"), QStringLiteral("fixed"), QStringLiteral("uncertainty"), QStringLiteral("dwa"), QStringLiteral("gradnorm")};
    if (key == QLatin1String("device")) return {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")};
    if (key == QLatin1String("mixed_precision")) return {QStringLiteral("off"), QStringLiteral("bf16")};
    return {};
}

// The engine's JSON as Qt's: the config crosses as text (core/train has its own JSON library).
QJsonObject configObject(const train::TrainConfig& config) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(train::writeJson(train::trainConfigToJson(config), -1))).object();
}

QString label(const QString& key) {
    QString text = key;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    text[0] = text[0].toUpper();
    return text + QLatin1Char(':');
}

}  // namespace

train::TrainConfig rememberedTrainConfig() {
    const QByteArray remembered = QSettings().value(QStringLiteral("learning/config")).toByteArray();
    if (!remembered.isEmpty())
        if (auto parsed = train::parseJson(remembered.toStdString()); parsed)
            if (auto read = train::trainConfigFromJson(parsed.value()); read) return read.value();
    return {};
}

TrainDialog::TrainDialog(ProjectDocument& document, QWidget* parent) : QDialog(parent), document_(document) {
    setWindowTitle(tr("Train a model"));
    for (const train::TrainConfigOption& o : train::trainConfigOptions())
        help_.insert(QString::fromStdString(o.key), QString::fromStdString(o.help));
    const QJsonObject defaults = configObject(train::TrainConfig());
    for (const train::TrainConfigOption& o : train::trainConfigOptions()) {
        const QString key = QString::fromStdString(o.key);
        keys_ << key;
        defaults_.insert(key, defaults.value(key));
    }

    auto* common = new QFormLayout;
    split_ = new QComboBox;
    split_->setToolTip(tr("The project's split whose segments train the model (a part of it validates); 'all' trains on every segment"));
    if (document_.isOpen())
        if (auto splits = document_.store().splitCounts(); splits)
            for (const auto& s : splits.value())
                split_->addItem(tr("%1 (%2 segments)").arg(QString::fromStdString(s.split)).arg(s.segments), QString::fromStdString(s.split));
    split_->addItem(tr("all (every segment)"), QStringLiteral("all"));
    runName_ = new QLineEdit;
    runName_->setPlaceholderText(tr("run N (the next free number)"));
    runName_->setToolTip(tr("The run's name in the Runs list; the model is written to models/<name>.alm beside the project"));
    common->addRow(tr("Train on:"), split_);
    common->addRow(tr("Run name:"), runName_);
    auto* advanced = new QFormLayout;
    for (const QString& key : keys_) {
        QWidget* field = makeField(key, defaults_.value(key));
        fields_.insert(key, field);
        field->setToolTip(help_.value(key));
        (kCommonKeys.contains(key) ? common : advanced)->addRow(label(key), field);
    }
    auto* commonBox = new QGroupBox(tr("Training"));
    commonBox->setLayout(common);
    auto* advancedBox = new QWidget;
    advancedBox->setLayout(advanced);
    auto* scroll = new QScrollArea;
    scroll->setWidget(advancedBox);
    scroll->setWidgetResizable(true);
    auto* allOptions = allOptions_ = new QGroupBox(tr("All options"));
    allOptions->setCheckable(true);
    allOptions->setChecked(false);
    auto* allLayout = new QVBoxLayout(allOptions);
    allLayout->addWidget(scroll);
    scroll->setVisible(false);
    connect(allOptions, &QGroupBox::toggled, scroll, &QWidget::setVisible);

    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Train"));
    QPushButton* load = buttons->addButton(tr("Load config..."), QDialogButtonBox::ActionRole);
    QPushButton* save = buttons->addButton(tr("Save config..."), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &TrainDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TrainDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] { setConfig(train::TrainConfig()); });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load a training config"), QString(), tr("Training config (*.json)"));
        if (!path.isEmpty()) loadConfigFile(path);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the training config"), QStringLiteral("train-config.json"),
                                                          tr("Training config (*.json)"));
        if (!path.isEmpty()) saveConfigFile(path);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(commonBox);
    layout->addWidget(allOptions, 1);
    layout->addWidget(error_);
    layout->addWidget(buttons);

    setConfig(rememberedTrainConfig());  // the config used last time, if it still reads
    resize(560, 620);
}

QWidget* TrainDialog::makeField(const QString& key, const QJsonValue& value) {
    if (key == QLatin1String("tasks")) {
        tasks_ = new QListWidget;
        tasks_->setMaximumHeight(110);
        if (document_.isOpen())
            for (const auto& task : document_.taxonomy().tasks) {
                auto* item = new QListWidgetItem(QString::fromStdString(task.name), tasks_);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
        return tasks_;
    }
    if (const QStringList choices = choicesOf(key); !choices.isEmpty()) {
        auto* box = new QComboBox;
        box->addItems(choices);
        return box;
    }
    if (value.isBool()) return new QCheckBox;
    return new QLineEdit;
}

void TrainDialog::setConfig(const train::TrainConfig& config) {
    const QJsonObject json = configObject(config);
    for (const QString& key : keys_) {
        const QJsonValue value = json.value(key);
        QWidget* field = fields_.value(key);
        field->setStyleSheet(QString());
        if (field == tasks_) {
            QStringList chosen;
            for (const QJsonValue& v : value.toArray()) chosen << v.toString();
            for (int i = 0; i < tasks_->count(); ++i)
                tasks_->item(i)->setCheckState(chosen.contains(tasks_->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
        } else if (auto* box = qobject_cast<QComboBox*>(field)) {
            box->setCurrentText(value.toString());
        } else if (auto* check = qobject_cast<QCheckBox*>(field)) {
            check->setChecked(value.toBool());
        } else if (auto* edit = qobject_cast<QLineEdit*>(field)) {
            if (value.isArray()) {
                QStringList items;
                for (const QJsonValue& v : value.toArray()) items << (v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 10));
                edit->setText(items.join(QStringLiteral(", ")));
            } else if (value.isDouble()) {
                edit->setText(QString::number(value.toDouble(), 'g', 10));
            } else {
                edit->setText(value.toString());
            }
        }
    }
    error_->hide();
}

QJsonValue TrainDialog::valueOf(const QString& key, const QJsonValue& like, QString* problem) const {
    QWidget* field = fields_.value(key);
    if (field == tasks_) {
        QJsonArray chosen;
        for (int i = 0; i < tasks_->count(); ++i)
            if (tasks_->item(i)->checkState() == Qt::Checked) chosen.append(tasks_->item(i)->text());
        return chosen;
    }
    if (auto* box = qobject_cast<QComboBox*>(field)) return box->currentText();
    if (auto* check = qobject_cast<QCheckBox*>(field)) return check->isChecked();
    const QString text = qobject_cast<QLineEdit*>(field)->text().trimmed();
    auto number = [&](const QString& t) -> QJsonValue {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok) *problem = tr("%1: '%2' is not a number").arg(key, t);
        return v;
    };
    if (like.isArray()) {
        QJsonArray items;
        for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) items.append(number(part.trimmed()));
        return items;
    }
    if (like.isDouble()) return number(text);
    return text;
}

void TrainDialog::markField(const QString& key) {
    QWidget* field = fields_.value(key);
    if (!field) return;
    field->setStyleSheet(QStringLiteral("border: 2px solid #b00020;"));
    if (!kCommonKeys.contains(key)) allOptions_->setChecked(true);  // show where it is
    field->setFocus();
}

Result<TrainingSettings> TrainDialog::settings() {
    for (QWidget* field : fields_) field->setStyleSheet(QString());
    QJsonObject json;
    for (const QString& key : keys_) {
        QString problem;
        json.insert(key, valueOf(key, defaults_.value(key), &problem));
        if (!problem.isEmpty()) {
            markField(key);
            return makeError(problem.toStdString());
        }
    }
    const std::string text = QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString();
    auto parsed = train::parseJson(text);
    Result<train::TrainConfig> config = parsed ? train::trainConfigFromJson(parsed.value()) : Result<train::TrainConfig>(parsed.takeError());
    std::string error = config ? std::string() : config.error();
    if (config)
        if (Status valid = train::validateTrainConfig(config.value()); !valid) error = valid.error();
    if (!error.empty()) {
        // The engine's messages name the key ("learning_rate must be > 0", "config key 'x' ...").
        QString named;
        for (const QString& key : keys_)
            if (QString::fromStdString(error).contains(key) && key.size() > named.size()) named = key;
        if (!named.isEmpty()) markField(named);
        return makeError(error);
    }
    TrainingSettings settings;
    settings.config = config.value();
    settings.split = split_->currentData().toString();
    settings.runName = runName_->text().trimmed();
    return settings;
}

void TrainDialog::accept() {
    auto chosen = settings();
    if (!chosen) {
        error_->setText(QString::fromStdString(chosen.error()));
        error_->show();
        return;
    }
    QSettings().setValue(QStringLiteral("learning/config"),
                         QByteArray::fromStdString(train::writeJson(train::trainConfigToJson(chosen->config), -1)));
    QDialog::accept();
}

bool TrainDialog::loadConfigFile(const QString& path) {
    auto config = train::loadTrainConfig(path.toStdString());
    if (!config) {
        error_->setText(QString::fromStdString(config.error()));
        error_->show();
        return false;
    }
    setConfig(config.value());
    return true;
}

bool TrainDialog::saveConfigFile(const QString& path) {
    auto chosen = settings();
    Status saved = chosen ? train::saveTrainConfig(chosen->config, path.toStdString()) : Status(chosen.takeError());
    if (!saved) {
        error_->setText(QString::fromStdString(saved.error()));
        error_->show();
        return false;
    }
    return true;
}

}  // namespace actionlens::ui
