// actionlens-cli explain end to end: the real binary on a small rendered project (its limb masks
// are the known answers) with a tiny skeleton model.

#include "tests/app/cli_runner.h"
#include "core/annotation/project_store.h"
#include "tests/support/test_videos.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
using fixtures::CliRun;
using fixtures::runCli;

namespace {

QJsonObject jsonOf(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

QByteArray contents(const std::string& path) {
    QFile f(QString::fromStdString(path));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path;
    return f.readAll();
}

// Exit status 1, the last line of stderr "actionlens-cli: ..." naming `words` (progress lines of
// reading the project may come before it).
void expectFailure(const CliRun& run, const char* words) {
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    const QStringList lines = run.err.trimmed().split(QLatin1Char('\n'));
    EXPECT_TRUE(lines.last().startsWith(QStringLiteral("actionlens-cli: "))) << run.err.toStdString();
    EXPECT_TRUE(lines.last().contains(QString::fromUtf8(words))) << run.err.toStdString();
}

class ExplainCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new fixtures::TempDir;
        const CliRun made = runCli({QStringLiteral("synth"), QStringLiteral("-o"), project(), QStringLiteral("--videos"),
                                    QStringLiteral("6"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--size"),
                                    QStringLiteral("96x96"), QStringLiteral("--seconds"), QStringLiteral("4")});
        ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
        QFile config(QString::fromStdString(dir_->file("tiny.json")));
        ASSERT_TRUE(config.open(QIODevice::WriteOnly));
        config.write(R"({"frames": 16, "trunk_channels": [8, 16], "trunk_strides": [1, 2], "temporal_kernel": 3,
                        "attention_hidden": 8, "epochs": 3, "batch_size": 8, "threads": 1, "device": "cpu", "warmup_epochs": 0})");
        config.close();
        const CliRun trained = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"),
                                       QString::fromStdString(dir_->file("tiny.json")), QStringLiteral("-o"), model()});
        ASSERT_EQ(trained.exitCode, 0) << trained.err.toStdString();
        auto store = annotation::ProjectStore::openToRead(project().toStdString());
        ASSERT_TRUE(store.ok());
        const auto videos = store.value()->videos().value();
        const auto segments = store.value()->segmentsOfVideo(videos.front().id).value();
        ASSERT_FALSE(segments.empty());
        segment_ = new annotation::Segment(segments.front());
        videoId_ = videos.front().id;
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete segment_;
        dir_ = nullptr;
        segment_ = nullptr;
    }
    static QString project() { return QString::fromStdString(dir_->file("synth.alproj")); }
    static QString model() { return QString::fromStdString(dir_->file("m.alm")); }
    static std::string file(const std::string& name) { return dir_->file(name); }

    static inline fixtures::TempDir* dir_ = nullptr;
    static inline annotation::Segment* segment_ = nullptr;
    static inline std::int64_t videoId_ = 0;
};

TEST_F(ExplainCli, ASegmentsMapsFiguresAndOverlaidClip) {
    const QString out = QString::fromStdString(file("segment"));
    const QString clip = QString::fromStdString(file("segment.mp4"));
    const CliRun run = runCli({QStringLiteral("explain"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model(),
                               QStringLiteral("--segment"), QString::number(segment_->id), QStringLiteral("--head"),
                               QStringLiteral("action,handedness"), QStringLiteral("--method"), QStringLiteral("gradcam,occlusion"),
                               QStringLiteral("-o"), out, QStringLiteral("--video-out"), clip, QStringLiteral("--colours"),
                               QStringLiteral("cividis")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject summary = jsonOf(run.out);
    EXPECT_EQ(summary[QStringLiteral("segment")].toInteger(), segment_->id);
    EXPECT_EQ(summary[QStringLiteral("first_frame")].toInteger(), segment_->firstFrame);
    EXPECT_EQ(summary[QStringLiteral("last_frame")].toInteger(), segment_->lastFrame);
    const QJsonArray explanations = summary[QStringLiteral("explanations")].toArray();
    ASSERT_EQ(explanations.size(), 4) << "two heads by two methods";
    EXPECT_EQ(explanations[0].toObject()[QStringLiteral("head")].toString(), QStringLiteral("action"));
    EXPECT_EQ(explanations[1].toObject()[QStringLiteral("head")].toString(), QStringLiteral("handedness"));
    EXPECT_EQ(explanations[2].toObject()[QStringLiteral("method")].toString(), QStringLiteral("occlusion"));
    for (const QJsonValue& e : explanations)
        for (const QJsonValue& f : e.toObject()[QStringLiteral("files")].toArray())
            EXPECT_TRUE(std::filesystem::exists(f.toString().toStdString())) << f.toString().toStdString();
    EXPECT_EQ(jsonOf(QString::fromUtf8(contents(file("segment/explanation.json"))))[QStringLiteral("explanations")].toArray().size(), 4);

    // The .npy holds the clip's 16 frames by 13 joints, float32, readable by numpy.
    const QByteArray npy = contents(file("segment/action.gradcam.skeleton.npy"));
    ASSERT_GT(npy.size(), 128);
    EXPECT_EQ(npy.left(6), QByteArray("\x93NUMPY"));
    EXPECT_TRUE(npy.contains("'descr': '<f4'"));
    EXPECT_TRUE(npy.contains("'shape': (16, 13)")) << npy.left(128).toStdString();
    const int headerEnd = npy.indexOf('\n') + 1;
    EXPECT_EQ(headerEnd % 64, 0);
    EXPECT_EQ(npy.size() - headerEnd, 16 * 13 * 4);
    // The CSV has a row per source frame of the segment, a column per joint.
    const QList<QByteArray> rows = contents(file("segment/action.gradcam.skeleton.csv")).trimmed().split('\n');
    ASSERT_EQ(rows.size(), int(segment_->lastFrame - segment_->firstFrame + 2));
    EXPECT_TRUE(rows[0].startsWith("frame,head,left_shoulder")) << rows[0].toStdString();
    EXPECT_TRUE(rows[1].startsWith(QByteArray::number(qlonglong(segment_->firstFrame)) + ","));
    EXPECT_EQ(rows[1].count(','), 13);
    // A PNG per head and method.
    EXPECT_TRUE(contents(file("segment/handedness.occlusion.png")).startsWith("\x89PNG"));
    // The overlaid clip has one frame per frame of the segment.
    const CliRun probed = runCli({QStringLiteral("probe"), clip});
    ASSERT_EQ(probed.exitCode, 0) << probed.err.toStdString();
    EXPECT_EQ(jsonOf(probed.out)[QStringLiteral("frames")].toInteger(), segment_->lastFrame - segment_->firstFrame + 1);
}

TEST_F(ExplainCli, FramesOfAVideoAndAChosenClass) {
    const QString out = QString::fromStdString(file("frames"));
    const CliRun run = runCli({QStringLiteral("explain"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model(),
                               QStringLiteral("--video"), QString::number(videoId_), QStringLiteral("--frames"),
                               QStringLiteral("3-40"), QStringLiteral("--head"), QStringLiteral("handedness"),
                               QStringLiteral("--class"), QStringLiteral("left"), QStringLiteral("--method"),
                               QStringLiteral("attention"), QStringLiteral("--normalise"), QStringLiteral("frame"),
                               QStringLiteral("-o"), out});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject summary = jsonOf(run.out);
    EXPECT_FALSE(summary.contains(QStringLiteral("segment")));
    EXPECT_EQ(summary[QStringLiteral("first_frame")].toInt(), 3);
    EXPECT_EQ(summary[QStringLiteral("last_frame")].toInt(), 40);
    const QJsonArray explanations = summary[QStringLiteral("explanations")].toArray();
    ASSERT_EQ(explanations.size(), 1);
    EXPECT_EQ(explanations[0].toObject()[QStringLiteral("class")].toString(), QStringLiteral("left"));
    const QList<QByteArray> curve = contents(file("frames/handedness.attention.skeleton.temporal.csv")).trimmed().split('\n');
    ASSERT_EQ(curve.size(), 39);
    EXPECT_EQ(curve[0], QByteArray("frame,importance"));

    // Two heads contrasted: the difference map of the first minus the second.
    const CliRun contrasted = runCli({QStringLiteral("explain"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model(),
                                      QStringLiteral("--segment"), QString::number(segment_->id), QStringLiteral("--head"),
                                      QStringLiteral("action,viewpoint"), QStringLiteral("--contrast"), QStringLiteral("-o"), out});
    ASSERT_EQ(contrasted.exitCode, 0) << contrasted.err.toStdString();
    const QJsonArray entries = jsonOf(contrasted.out)[QStringLiteral("explanations")].toArray();
    ASSERT_EQ(entries.size(), 3);
    EXPECT_EQ(entries[2].toObject()[QStringLiteral("contrast")].toString(), QStringLiteral("action minus viewpoint"));
    const QList<QByteArray> rows = contents(file("frames/action-minus-viewpoint.gradcam.skeleton.csv")).trimmed().split('\n');
    ASSERT_EQ(rows.size(), int(segment_->lastFrame - segment_->firstFrame + 2));
    bool negative = false;
    for (const QByteArray& row : rows.mid(1))
        for (const QByteArray& v : row.split(',').mid(1)) negative = negative || v.toDouble() < 0.0;
    EXPECT_TRUE(negative) << "somewhere the second head looks more";
}

TEST_F(ExplainCli, EvaluationReportsEveryMethodAgainstItsBaselines) {
    const std::string report = file("faith.json");
    const CliRun run = runCli({QStringLiteral("explain"), QStringLiteral("--evaluate"), QStringLiteral("-p"), project(),
                               QStringLiteral("-m"), model(), QStringLiteral("--split"), QStringLiteral("all"),
                               QStringLiteral("--clips"), QStringLiteral("4"), QStringLiteral("--steps"), QStringLiteral("4"),
                               QStringLiteral("--head"), QStringLiteral("action,viewpoint"), QStringLiteral("-o"),
                               QString::fromStdString(report)});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject json = jsonOf(QString::fromUtf8(contents(report)));
    EXPECT_EQ(json[QStringLiteral("clips")].toInt(), 4);
    EXPECT_GT(json[QStringLiteral("clips_with_answers")].toInt(), 0) << "rendered videos know their moving limb";
    const QJsonArray results = json[QStringLiteral("results")].toArray();
    ASSERT_EQ(results.size(), 6 * 2) << "every method for both heads";
    for (const QJsonValue& v : results) {
        const QJsonObject r = v.toObject();
        EXPECT_EQ(r[QStringLiteral("stream")].toString(), QStringLiteral("skeleton"));
        const QJsonObject pointing = r[QStringLiteral("pointing_game")].toObject();
        EXPECT_GT(pointing[QStringLiteral("clips")].toInt(), 0);
        EXPECT_GT(pointing[QStringLiteral("random")].toDouble(), 0.0);
        EXPECT_LT(pointing[QStringLiteral("random")].toDouble(), 1.0);
        const QJsonObject deletion = r[QStringLiteral("deletion")].toObject();
        EXPECT_EQ(deletion[QStringLiteral("curve")].toArray().size(), 5);
        EXPECT_TRUE(deletion[QStringLiteral("random_auc")].isDouble());
        EXPECT_TRUE(r[QStringLiteral("stability")].isDouble());
    }
    const QByteArray table = contents(file("faith.md"));
    EXPECT_TRUE(table.startsWith("| head | stream | method |"));
    EXPECT_EQ(table.count('\n'), 2 + 12);
}

TEST_F(ExplainCli, BadRequestsAreNamed) {
    const QString out = QString::fromStdString(file("bad"));
    const QStringList base{QStringLiteral("explain"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model(), QStringLiteral("-o"), out};
    expectFailure(runCli(base + QStringList{QStringLiteral("--segment"), QStringLiteral("999999")}), "segment '999999'");
    expectFailure(
        runCli(base + QStringList{QStringLiteral("--segment"), QString::number(segment_->id), QStringLiteral("--head"), QStringLiteral("mood")}),
        "no head 'mood'");
    expectFailure(runCli(base + QStringList{QStringLiteral("--segment"), QString::number(segment_->id), QStringLiteral("--head"),
                                                             QStringLiteral("action"), QStringLiteral("--class"), QStringLiteral("flying")}),
                                   "no class 'flying'");
    expectFailure(runCli(base + QStringList{QStringLiteral("--video"), QString::number(videoId_), QStringLiteral("--frames"),
                                                             QStringLiteral("0-99999")}),
                                   "not 0-99999");
    const CliRun method = runCli(base + QStringList{QStringLiteral("--segment"), QString::number(segment_->id), QStringLiteral("--method"), QStringLiteral("saliency")});
    EXPECT_EQ(method.exitCode, 2);
    EXPECT_TRUE(method.err.contains(QStringLiteral("unknown method 'saliency'"))) << method.err.toStdString();
    const CliRun both = runCli(base);
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_TRUE(both.err.contains(QStringLiteral("--segment"))) << both.err.toStdString();
    const CliRun twoHeads = runCli(base + QStringList{QStringLiteral("--segment"), QString::number(segment_->id), QStringLiteral("--class"), QStringLiteral("0")});
    EXPECT_EQ(twoHeads.exitCode, 2);
    EXPECT_TRUE(twoHeads.err.contains(QStringLiteral("exactly one --head"))) << twoHeads.err.toStdString();
    EXPECT_FALSE(std::filesystem::exists(out.toStdString() + "/explanation.json")) << "nothing written for a refused request";
}

}  // namespace
