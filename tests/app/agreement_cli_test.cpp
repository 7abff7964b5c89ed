// actionlens-cli agreement: two annotators' segments of a project in, the JSON report and a
// summary out; bad requests refused in one line.

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "tests/app/cli_runner.h"
#include "tests/support/test_videos.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace actionlens;
using fixtures::CliRun;
using fixtures::expectOneLineFailure;
using fixtures::runCli;

TEST(AgreementCli, ReportsKappaAndSegmentF1OfTwoAnnotators) {
    fixtures::TempDir dir;
    const QString project = QString::fromStdString(dir.file("p.alproj"));
    {
        auto store = annotation::ProjectStore::create(project.toStdString());
        ASSERT_TRUE(store.ok()) << store.error();
        ASSERT_TRUE(store.value()->setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
        ASSERT_TRUE(store.value()->insertVideo(annotation::Video{0, "", 0, 25.0, 200, 0, 0, "", "v1", {}}).ok());
        ASSERT_TRUE(store.value()->insertSubject(annotation::Subject{0, "alice", {}}).ok());
        auto add = [&](std::int64_t first, std::int64_t last, const char* action, const char* who) {
            annotation::Segment s;
            s.videoId = 1;
            s.subjectId = 1;
            s.firstFrame = first;
            s.lastFrame = last;
            s.labels = {{"action", action}};
            s.annotator = who;
            ASSERT_TRUE(store.value()->insertSegment(s).ok());
        };
        add(0, 9, "squat", "ann");
        add(20, 29, "jump_rope", "ann");
        add(0, 9, "squat", "bob");
        add(22, 31, "jump_rope", "bob");
        add(40, 44, "situp", "bob");
    }
    const QString out = QString::fromStdString(dir.file("agreement.json"));
    const CliRun run = runCli({QStringLiteral("agreement"), QStringLiteral("-p"), project, QStringLiteral("--iou"),
                               QStringLiteral("0.5"), QStringLiteral("-o"), out});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("ann vs bob: 27 frames"))) << run.err.toStdString();
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject pair = json["overall"].toObject()["pairs"].toArray().at(0).toObject();
    EXPECT_NEAR(pair["cohen_kappa"].toDouble(), 0.5282, 1e-4);
    EXPECT_NEAR(pair["segment_f1"].toArray().at(0).toObject()["f1"].toDouble(), 0.8, 1e-9);
    EXPECT_EQ(json["task"].toString(), QStringLiteral("action"));

    expectOneLineFailure(runCli({QStringLiteral("agreement"), QStringLiteral("-p"), project, QStringLiteral("--annotators"),
                                 QStringLiteral("ann,zed")}),
                         "no segment of the project has the annotator 'zed'");
    EXPECT_EQ(runCli({QStringLiteral("agreement"), QStringLiteral("-p"), project, QStringLiteral("--iou"), QStringLiteral("2")}).exitCode, 2);
}
