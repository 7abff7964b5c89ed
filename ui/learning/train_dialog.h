#pragma once

// TrainDialog (Model > Train...): a form over the learning engine's training config. Every
// option of the config is a field with its default and, as its tooltip, the config's own
// documentation (train::trainConfigOptions, the "_doc" of a written config file); the common
// ones (trunk, tasks, loss weighting, PCGrad, epochs, batch size, learning rate, augmentation,
// device, validation share) come first, with the split to train on and the run's name; the rest
// under "All options". Load and save config files (the CLI's format). A config that does not
// validate is refused in the form, the field named and marked. The last config used is
// remembered (QSettings "learning/config").

#include "core/train/train_config.h"
#include "ui/learning/training_session.h"

#include <QDialog>
#include <QJsonValue>
#include <QMap>
#include <QString>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QWidget;

namespace actionlens::ui {

class ProjectDocument;

class TrainDialog : public QDialog {
    Q_OBJECT
public:
    TrainDialog(ProjectDocument& document, QWidget* parent = nullptr);

    // The form as settings; on failure the message names the field, which is marked.
    Result<TrainingSettings> settings();
    void setConfig(const train::TrainConfig& config);
    void accept() override;  // only with settings that validate

    QWidget* field(const QString& key) const { return fields_.value(key); }
    QComboBox* splitBox() const { return split_; }
    QLineEdit* runNameEdit() const { return runName_; }
    QLabel* errorLabel() const { return error_; }
    bool loadConfigFile(const QString& path);  // false with the error shown
    bool saveConfigFile(const QString& path);

private:
    QWidget* makeField(const QString& key, const QJsonValue& value);
    QJsonValue valueOf(const QString& key, const QJsonValue& like, QString* problem) const;
    void markField(const QString& key);

    ProjectDocument& document_;
    QMap<QString, QWidget*> fields_;
    QMap<QString, QJsonValue> defaults_;  // each key's JSON type, from the default config
    QMap<QString, QString> help_;
    QStringList keys_;                    // in the config file's order
    QComboBox* split_ = nullptr;
    QLineEdit* runName_ = nullptr;
    QListWidget* tasks_ = nullptr;
    QLabel* error_ = nullptr;
    QGroupBox* allOptions_ = nullptr;
};

// The training config last used in Model > Train... (QSettings "learning/config"), else the defaults.
train::TrainConfig rememberedTrainConfig();

}  // namespace actionlens::ui
