// ActiveLearningPlot: the mean of several reports per strategy, refusals naming the file and member.

#include "ui/learning/active_learning_plot.h"

#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens::ui;

namespace {

QString writeReport(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

QByteArray report(double u1, double u2, double r1, double r2, int second = 100) {
    return QStringLiteral(R"({"measure": "entropy", "curves": {
        "uncertainty": [{"labelled_clips": 50, "accuracy": {"action": %1, "group": 0.5}},
                        {"labelled_clips": %5, "accuracy": {"action": %2, "group": 0.6}}],
        "random": [{"labelled_clips": 50, "accuracy": {"action": %3, "group": 0.5}},
                   {"labelled_clips": %5, "accuracy": {"action": %4, "group": 0.7}}]}})")
        .arg(u1).arg(u2).arg(r1).arg(r2).arg(second)
        .toUtf8();
}

}  // namespace

TEST(ActiveLearningPlot, PlotsTheMeanOfTheReportsPerStrategy) {
    QTemporaryDir dir;
    ActiveLearningPlot plot;
    ASSERT_EQ(plot.addReport(writeReport(dir, "s1.json", report(0.2, 0.4, 0.2, 0.6))), QString());
    ASSERT_EQ(plot.addReport(writeReport(dir, "s2.json", report(0.3, 0.5, 0.3, 0.8))), QString());
    EXPECT_EQ(plot.reportCount(), 2);
    EXPECT_EQ(plot.taskBox()->currentText(), QStringLiteral("action")) << "the action task first";
    EXPECT_EQ(plot.budgets(), (std::vector<int>{50, 100}));
    const std::vector<double> uncertainty = plot.meanCurve("uncertainty");
    const std::vector<double> random = plot.meanCurve("random");
    ASSERT_EQ(uncertainty.size(), 2u);
    EXPECT_NEAR(uncertainty[1], 0.45, 1e-9);
    EXPECT_NEAR(random[1], 0.7, 1e-9);
    ASSERT_TRUE(plot.showTask(QStringLiteral("group")));
    EXPECT_NEAR(plot.meanCurve("random")[1], 0.7, 1e-9);
    EXPECT_FALSE(plot.showTask(QStringLiteral("viewpoint")));
}

TEST(ActiveLearningPlot, RefusesWhatIsNotAReportNamingFileAndMember) {
    QTemporaryDir dir;
    ActiveLearningPlot plot;
    EXPECT_TRUE(plot.addReport(writeReport(dir, "broken.json", "{\"curves\": ")).startsWith(QStringLiteral("broken.json: not JSON")));
    EXPECT_TRUE(plot.addReport(writeReport(dir, "other.json", "{\"runs\": []}")).contains(QStringLiteral("other.json: curves.uncertainty is missing")));
    const QString text = plot.addReport(writeReport(dir, "bad.json", report(0.2, 0.4, 0.2, 0.6).replace("\"labelled_clips\": 100", "\"labelled_clips\": \"x\"")));
    EXPECT_TRUE(text.contains(QStringLiteral("bad.json: curves.uncertainty[1].labelled_clips: expected a number"))) << text.toStdString();
    EXPECT_EQ(plot.reportCount(), 0);
    ASSERT_EQ(plot.addReport(writeReport(dir, "s1.json", report(0.2, 0.4, 0.2, 0.6))), QString());
    const QString mismatch = plot.addReport(writeReport(dir, "s2.json", report(0.2, 0.4, 0.2, 0.6, 150)));
    EXPECT_TRUE(mismatch.contains(QStringLiteral("budgets differ"))) << mismatch.toStdString();
    EXPECT_EQ(plot.reportCount(), 1);
}
