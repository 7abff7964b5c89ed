// TrainDialog: every config option is a field with its documentation; a config that does not
// validate is refused naming and marking the field; configs load and save in the CLI's format.

#include "ui/learning/train_dialog.h"
#include "ui/document/project_document.h"
#include "ui_project_fixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fstream>

using namespace actionlens;
using namespace actionlens::ui;

TEST(TrainDialog, EveryOptionIsAFieldWithItsDefaultAndDocumentation) {
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    TrainDialog dialog(document);
    dialog.setConfig(train::TrainConfig());
    for (const train::TrainConfigOption& o : train::trainConfigOptions()) {
        QWidget* field = dialog.field(QString::fromStdString(o.key));
        ASSERT_NE(field, nullptr) << o.key;
        EXPECT_EQ(field->toolTip().toStdString(), o.help);
    }
    EXPECT_EQ(qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("epochs")))->text(), QStringLiteral("45"));
    EXPECT_EQ(qobject_cast<QComboBox*>(dialog.field(QStringLiteral("trunk")))->currentText(), QStringLiteral("skeleton"));
    EXPECT_TRUE(qobject_cast<QCheckBox*>(dialog.field(QStringLiteral("augment")))->isChecked());
    auto* tasks = qobject_cast<QListWidget*>(dialog.field(QStringLiteral("tasks")));
    ASSERT_NE(tasks, nullptr);
    EXPECT_EQ(tasks->count(), int(document.taxonomy().tasks.size())) << "the project's tasks to choose from";
    EXPECT_GE(dialog.splitBox()->count(), 2) << "the project's splits and 'all'";

    auto settings = dialog.settings();
    ASSERT_TRUE(settings.ok()) << settings.error();
    EXPECT_EQ(settings->config.epochs, train::TrainConfig().epochs) << "the engine's default";
    EXPECT_TRUE(settings->config.tasks.empty()) << "nothing ticked: every task";
    tasks->item(0)->setCheckState(Qt::Checked);
    qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("epochs")))->setText(QStringLiteral("5"));
    qobject_cast<QComboBox*>(dialog.field(QStringLiteral("weighting")))->setCurrentText(QStringLiteral("uncertainty"));
    settings = dialog.settings();
    ASSERT_TRUE(settings.ok()) << settings.error();
    EXPECT_EQ(settings->config.epochs, 5);
    EXPECT_EQ(settings->config.tasks, std::vector<std::string>{tasks->item(0)->text().toStdString()});
    EXPECT_EQ(settings->config.weighting.strategy, model::WeightingStrategy::Uncertainty);
}

TEST(TrainDialog, AnInvalidConfigIsRefusedNamingAndMarkingTheField) {
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    TrainDialog dialog(document);
    dialog.setConfig(train::TrainConfig());
    auto* rate = qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("learning_rate")));
    rate->setText(QStringLiteral("-1"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), int(QDialog::Rejected)) << "not accepted";
    EXPECT_TRUE(dialog.errorLabel()->text().contains(QStringLiteral("learning_rate"))) << dialog.errorLabel()->text().toStdString();
    EXPECT_FALSE(rate->styleSheet().isEmpty()) << "the field is marked";

    rate->setText(QStringLiteral("0.001"));
    auto* frames = qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("frames")));
    frames->setText(QStringLiteral("thirty"));
    auto refused = dialog.settings();
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("frames"), std::string::npos) << refused.error();
    EXPECT_TRUE(rate->styleSheet().isEmpty()) << "only the field at fault is marked";
    EXPECT_FALSE(frames->styleSheet().isEmpty());
}

TEST(TrainDialog, ConfigFilesLoadAndSaveInTheCommandLinesFormat) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    TrainDialog dialog(document);
    train::TrainConfig config;
    config.epochs = 7;
    config.learningRate = 0.01;
    ASSERT_TRUE(train::saveTrainConfig(config, dir.filePath(QStringLiteral("c.json")).toStdString()).ok());
    ASSERT_TRUE(dialog.loadConfigFile(dir.filePath(QStringLiteral("c.json"))));
    EXPECT_EQ(qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("epochs")))->text(), QStringLiteral("7"));
    ASSERT_TRUE(dialog.saveConfigFile(dir.filePath(QStringLiteral("saved.json"))));
    auto saved = train::loadTrainConfig(dir.filePath(QStringLiteral("saved.json")).toStdString());
    ASSERT_TRUE(saved.ok()) << saved.error();
    EXPECT_EQ(saved->epochs, 7);
    EXPECT_DOUBLE_EQ(saved->learningRate, 0.01);

    std::ofstream(dir.filePath(QStringLiteral("bad.json")).toStdString()) << R"({"epochs": 3, "no_such_option": 1})";
    EXPECT_FALSE(dialog.loadConfigFile(dir.filePath(QStringLiteral("bad.json"))));
    EXPECT_TRUE(dialog.errorLabel()->text().contains(QStringLiteral("no_such_option"))) << dialog.errorLabel()->text().toStdString();
    EXPECT_EQ(qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("epochs")))->text(), QStringLiteral("7")) << "the form kept its values";
}
