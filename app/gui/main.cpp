// actionlens: the desktop workstation. Wiring only: the window and the widgets are in ui/.
//
//   actionlens [PROJECT.alproj | VIDEO] [--video N] [--frame F] [--panel training|evaluation|ablation|explanation|queue|agreement [--run ID]]
//              [--dialog taxonomy|pre-annotate|active-learning [--report F.json,...]] [--present [--playlist | --camera DEVICE]]
//              [--privacy] [--screenshot OUT.png]
//
// --screenshot opens what it is given, shows frame F of video N (0-based position in the
// project's video list), waits until that frame has been painted, saves the window to OUT.png
// and exits (0, or 1 with a one-line reason): for docs and end-to-end tests. With nothing to
// open it saves the start page; with --dialog the project's taxonomy editor or Pre-annotate form instead.

#include "build_info.h"
#include "ui/commands/import_snapshots.h"
#include "ui/dialogs/taxonomy_editor_dialog.h"
#include "ui/window/main_window.h"
#ifdef ACTIONLENS_WITH_LEARNING
#include "ui/explain/explanation_session.h"
#include "ui/learning/evaluation_session.h"
#include "ui/agreement/agreement_view.h"
#include "ui/jobs/job.h"
#include "ui/learning/active_learning_plot.h"
#include "ui/learning/labelling_queue_session.h"
#include "ui/learning/plot_export.h"
#include "ui/present/live_predictions.h"
#include "ui/present/presentation_view.h"
#include "ui/present/confidence_panel.h"
#include "ui/present/live_camera.h"
#include "ui/present/presentation_start_screen.h"
#include "core/live/live_pipeline.h"
#endif
#ifdef ACTIONLENS_WITH_PRE_ANNOTATION
#include "ui/dialogs/pre_annotate_dialog.h"
#endif

#include <QApplication>
#include <QDialog>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <optional>

using actionlens::ui::MainWindow;

namespace {

constexpr int kScreenshotTimeoutMs = 60000;

int fail(const QString& message) {
    std::fprintf(stderr, "actionlens: %s\n", qPrintable(message));
    return 1;
}

std::optional<int> parseIndex(const QCommandLineParser& parser, const QCommandLineOption& option, QString* error) {
    if (!parser.isSet(option)) return std::nullopt;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 0) {
        *error = QStringLiteral("--%1 wants a number >= 0, got '%2'").arg(option.names().front(), parser.value(option));
        return std::nullopt;
    }
    return value;
}

// Waits for the view to paint `frame` (or for the video to fail), then saves the window.
int takeScreenshot(MainWindow& window, int frame, bool waitForFrame, const QString& outPath) {
    QEventLoop loop;
    QString error;
    bool painted = !waitForFrame;
    QObject::connect(&window.view(), &actionlens::ui::VideoView::framePainted, &loop, [&](int paintedFrame) {
        if (paintedFrame != frame) return;
        painted = true;
        loop.quit();
    });
    QObject::connect(&window, &MainWindow::videoFailed, &loop, [&](const QString& message) {
        error = message;
        loop.quit();
    });
    QTimer::singleShot(kScreenshotTimeoutMs, &loop, [&] {
        error = QStringLiteral("frame %1 was not shown within %2 s").arg(frame).arg(kScreenshotTimeoutMs / 1000);
        loop.quit();
    });
    // Paint again in case the frame is already on screen, and let the layout settle.
    window.view().update();
    if (!painted) loop.exec();
    if (!painted) return fail(error);
#ifdef ACTIONLENS_WITH_LEARNING
    // --panel explanation: the explanation of the segment under the playhead, once computed.
    if (actionlens::ui::ExplanationSession* session = window.explanationSession(); session && session->isBusy()) {
        QObject::connect(session, &actionlens::ui::ExplanationSession::busyChanged, &loop, [&](bool busy) {
            if (!busy) loop.quit();
        });
        QTimer::singleShot(kScreenshotTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        if (session->isBusy()) return fail(QStringLiteral("the explanation was not ready within %1 s").arg(kScreenshotTimeoutMs / 1000));
    }
    // --panel queue: the ranked clips, once computed.
    if (actionlens::ui::LabellingQueueSession* queue = window.labellingQueue(); queue && queue->isRunning()) {
        QObject::connect(queue, &actionlens::ui::LabellingQueueSession::finished, &loop, [&] {
            if (!queue->isRunning()) loop.quit();
        });
        QTimer::singleShot(kScreenshotTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        if (queue->isRunning()) return fail(QStringLiteral("the labelling queue was not ready within %1 s").arg(kScreenshotTimeoutMs / 1000));
    }
    // --panel agreement: the comparison (a job), once done.
    if (auto* agreement = window.findChild<actionlens::ui::AgreementView*>(); agreement && agreement->job() && agreement->job()->isRunning()) {
        QObject::connect(agreement->job(), &actionlens::ui::Job::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(kScreenshotTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        if (agreement->job()->isRunning()) return fail(QStringLiteral("the agreement was not computed within %1 s").arg(kScreenshotTimeoutMs / 1000));
    }
#endif
    QTimer::singleShot(50, &loop, &QEventLoop::quit);
    loop.exec();
    if (!window.grab().save(outPath)) return fail(QStringLiteral("cannot write %1").arg(outPath));
    return 0;
}

// --panel evaluation: a recorded evaluation at once, or a training run evaluated now (the
// screenshot waits for it).
QString showEvaluation(MainWindow& window, qint64 runId) {
    const QString error = window.evaluateRun(runId);
#ifndef ACTIONLENS_WITH_LEARNING
    return error;
#else
    if (!error.isEmpty()) return error;
    actionlens::ui::EvaluationSession* session = window.evaluationSession();
    if (!session || !session->isRunning()) return {};
    QString message;
    QEventLoop loop;
    QObject::connect(session, &actionlens::ui::EvaluationSession::finished, &loop, [&](const QString& m) {
        message = m;
        loop.quit();
    });
    loop.exec();
    return message;
#endif
}

// --dialog taxonomy --screenshot: the taxonomy editor over the window, on the first value that
// names a mirror image (else the first task), saved alone.
int screenshotTaxonomyEditor(MainWindow& window, const QString& outPath) {
    actionlens::ui::TaxonomyEditorDialog dialog(window.document(), actionlens::ui::TaxonomyEditorDialog::reservedKeysOf(window), &window);
    using Item = actionlens::ui::TaxonomyEditorDialog::ItemRef;
    Item shown{actionlens::ui::TaxonomyEditorDialog::ItemKind::Task, 0, 0};
    const auto& tasks = dialog.draft().taxonomy().tasks;
    bool found = false;
    for (size_t t = 0; t < tasks.size() && !found; ++t)
        for (size_t v = 0; v < tasks[t].values.size() && !found; ++v)
            if (!tasks[t].values[v].mirror.empty()) {
                shown = {actionlens::ui::TaxonomyEditorDialog::ItemKind::Value, t, v};
                found = true;
            }
    if (!tasks.empty()) dialog.select(shown);
    dialog.resize(dialog.sizeHint().expandedTo(QSize(820, 560)));
    dialog.show();
    QEventLoop loop;
    QTimer::singleShot(100, &loop, &QEventLoop::quit);
    loop.exec();
    if (!dialog.grab().save(outPath)) return fail(QStringLiteral("cannot write %1").arg(outPath));
    return 0;
}

// --dialog pre-annotate --screenshot: the Pre-annotate form over the window, the video shown
// ticked, saved alone.
int screenshotPreAnnotate(MainWindow& window, const QString& outPath) {
#ifdef ACTIONLENS_WITH_PRE_ANNOTATION
    actionlens::ui::PreAnnotateDialog dialog(window.document(), {window.document().currentVideoId()}, &window);
    dialog.show();
    QEventLoop loop;
    QTimer::singleShot(100, &loop, &QEventLoop::quit);
    loop.exec();
    if (!dialog.grab().save(outPath)) return fail(QStringLiteral("cannot write %1").arg(outPath));
    return 0;
#else
    Q_UNUSED(window);
    Q_UNUSED(outPath);
    return fail(QStringLiteral("this build has no pre-annotation (LibTorch was not found)"));
#endif
}

// --present --screenshot: the presentation view (1600 x 900, not fullscreen) once the frame is
// drawn on it and the model's answers for the video are in.
int screenshotPresentation(MainWindow& window, int frame, const QString& outPath) {
#ifdef ACTIONLENS_WITH_LEARNING
    actionlens::ui::PresentationView* view = window.openPresentation(false);
    if (!view) return fail(QStringLiteral("--present needs a project"));
    view->resize(1600, 900);
    QEventLoop loop;
    bool painted = false;
    QObject::connect(&view->view(), &actionlens::ui::VideoView::framePainted, &loop, [&](int paintedFrame) {
        if (paintedFrame == frame) painted = true;
    });
    QTimer::singleShot(kScreenshotTimeoutMs, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (painted && !view->predictions().isRunning()) loop.quit();
    });
    poll.start(50);
    window.showFrame(frame);
    loop.exec();
    if (!painted) return fail(QStringLiteral("frame %1 was not shown within %2 s").arg(frame).arg(kScreenshotTimeoutMs / 1000));
    poll.stop();
    // The bars glide to their values: let them settle.
    QTimer::singleShot(600, &loop, &QEventLoop::quit);
    loop.exec();
    if (!view->grab().save(outPath)) return fail(QStringLiteral("cannot write %1").arg(outPath));
    return 0;
#else
    Q_UNUSED(window);
    Q_UNUSED(frame);
    Q_UNUSED(outPath);
    return fail(QStringLiteral("this build has no presentation view (LibTorch was not found)"));
#endif
}

// --present --camera DEVICE --screenshot: the presentation view (1600 x 900) once the camera's
// frames with their live skeletons (and the model's answers, where there is a model) are on it,
// or once the start screen is back because the camera stopped (its message on it).
int screenshotCamera(MainWindow& window, const QString& device, const QString& outPath) {
#ifdef ACTIONLENS_WITH_LEARNING
    actionlens::ui::PresentationView* view = window.openPresentation(false);
    if (!view) return fail(QStringLiteral("--present needs a project"));
    view->resize(1600, 900);
    if (const QString refused = view->startCamera(device); !refused.isEmpty()) return fail(refused);
    QEventLoop loop;
    QTimer::singleShot(kScreenshotTimeoutMs, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (view->isShowingStartScreen()) loop.quit();
        const auto frame = view->camera().latest();
        // Some frames in: the tracker settled, the model's window filling, the bars moving.
        if (frame && view->camera().framesShown() >= 25 && (!frame->people.empty() || view->camera().framesShown() >= 100) &&
            (view->camera().modelName().isEmpty() || !view->panel().subjects().empty()))
            loop.quit();
    });
    poll.start(50);
    loop.exec();
    poll.stop();
    if (!view->isShowingStartScreen() && !view->camera().latest())
        return fail(QStringLiteral("the camera showed no frame within %1 s").arg(kScreenshotTimeoutMs / 1000));
    if (!view->isShowingStartScreen()) {
        QTimer::singleShot(600, &loop, &QEventLoop::quit);  // the bars glide to their values
        loop.exec();
    }
    if (!view->grab().save(outPath)) return fail(QStringLiteral("cannot write %1").arg(outPath));
    if (view->isShowingStartScreen() && view->camera().framesShown() == 0) return fail(view->startScreen().message());
    return 0;
#else
    Q_UNUSED(window);
    Q_UNUSED(device);
    Q_UNUSED(outPath);
    return fail(QStringLiteral("this build has no presentation view (LibTorch was not found)"));
#endif
}

// The command line, described once for the help text and for the real run.
struct GuiCommandLine {
    QCommandLineParser parser;
    const QCommandLineOption video{QStringLiteral("video"),
                                   QStringLiteral("Open the project's N-th video (0-based, in the project's order)."),
                                   QStringLiteral("N")};
    const QCommandLineOption frame{QStringLiteral("frame"), QStringLiteral("Show frame F (0-based)."), QStringLiteral("F")};
    const QCommandLineOption panel{QStringLiteral("panel"),
                                   QStringLiteral("Show a view of a model run: training (its curves in the Training dock) or "
                                                  "evaluation (a training run evaluated on the test split, or a recorded evaluation), ablation "
                                                  "(a recorded single-task vs multi-task ablation) or explanation (what a training run's "
                                                  "model looks at in the segment under the playhead, over the video and in the Explanations dock) "
                                                  "or queue (the clips a training run's model is least sure of, in the Labelling queue dock) or "
                                                  "agreement (the project's first two annotators compared, in the Agreement dock)."),
                                   QStringLiteral("training|evaluation|ablation|explanation|queue|agreement")};
    const QCommandLineOption dialog{QStringLiteral("dialog"),
                                    QStringLiteral("With --screenshot: save this dialog of the project instead of the window (taxonomy: "
                                                   "the taxonomy editor, on a value's mirror image; pre-annotate: the Pre-annotate form "
                                                   "with the video shown ticked; active-learning: the curves of --report's files, "
                                                   "saved as the plot's export writes them: .png, .svg or .pdf)."),
                                    QStringLiteral("taxonomy|pre-annotate|active-learning")};
    const QCommandLineOption report{QStringLiteral("report"),
                                    QStringLiteral("With --dialog active-learning: reports of actionlens-cli active-learning-sim, "
                                                   "comma-separated (one per seed)."),
                                    QStringLiteral("F.json[,F2.json...]")};
    const QCommandLineOption present{QStringLiteral("present"),
                                     QStringLiteral("Open the presentation view (View > Presentation, F11) on the video; with "
                                                    "--screenshot it is saved once the model's answers are on it.")};
    const QCommandLineOption playlist{QStringLiteral("playlist"),
                                      QStringLiteral("With --present: play the project's videos back to back, round and round.")};
    const QCommandLineOption camera{QStringLiteral("camera"),
                                    QStringLiteral("With --present: show a camera with live poses and the newest model's answers: "
                                                   "/dev/videoN, or any FFmpeg input device as FORMAT:INPUT, e.g. "
                                                   "lavfi:testsrc=size=640x480:rate=25 or lavfi:movie=FILE (a video played as a camera)."),
                                    QStringLiteral("DEVICE")};
    const QCommandLineOption run{QStringLiteral("run"), QStringLiteral("The run --panel shows (its id; default: the latest)."),
                                 QStringLiteral("ID")};
    const QCommandLineOption privacy{QStringLiteral("privacy"),
                                     QStringLiteral("Start in the privacy view (View > Privacy view): faces blurred in the player and "
                                                    "the presentation view.")};
    const QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                        QStringLiteral("Save the window with the frame shown to OUT.png and exit."),
                                        QStringLiteral("OUT.png")};

    GuiCommandLine() {
        parser.setApplicationDescription(QStringLiteral("ActionLens: annotate, learn and explain human actions in video."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("PROJECT|VIDEO"),
                                     QStringLiteral("A project (.alproj) or a video file / image folder to open."),
                                     QStringLiteral("[PROJECT.alproj | VIDEO]"));
        parser.addOption(video);
        parser.addOption(frame);
        parser.addOption(panel);
        parser.addOption(present);
        parser.addOption(playlist);
        parser.addOption(camera);
        parser.addOption(run);
        parser.addOption(dialog);
        parser.addOption(report);
        parser.addOption(privacy);
        parser.addOption(screenshot);
    }
};

void nameApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("ActionLens"));
    QCoreApplication::setApplicationName(QStringLiteral("actionlens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ACTIONLENS_VERSION));
}

// --help and --version print text and exit: they must work where no display is (a server, ssh).
bool asksOnlyForText(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?" || arg == "-v" || arg == "--version") return true;
    }
    return false;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (asksOnlyForText(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        GuiCommandLine commandLine;
        commandLine.parser.process(app);  // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    nameApplication();
    // Copies for undoing imports that an earlier, killed session could not remove.
    actionlens::ui::ImportSnapshots::removeAbandonedFolders();

    GuiCommandLine commandLine;
    QCommandLineParser& parser = commandLine.parser;
    const QCommandLineOption& videoOption = commandLine.video;
    const QCommandLineOption& frameOption = commandLine.frame;
    const QCommandLineOption& screenshotOption = commandLine.screenshot;
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) return fail(QStringLiteral("expected at most one project or video, got %1").arg(positional.size()));
    QString error;
    const std::optional<int> frame = parseIndex(parser, frameOption, &error);
    const std::optional<int> videoIndex = parseIndex(parser, videoOption, &error);
    if (!error.isEmpty()) return fail(error);
    const bool screenshot = parser.isSet(screenshotOption);
    const QString target = positional.isEmpty() ? QString() : positional.first();
    const bool isProject = target.endsWith(QStringLiteral(".alproj"), Qt::CaseInsensitive);
    if (videoIndex && !isProject) return fail(QStringLiteral("--video needs a project (.alproj) to choose from"));
    if (parser.isSet(commandLine.panel) && !isProject) return fail(QStringLiteral("--panel needs a project (.alproj) with runs"));
    if (parser.isSet(commandLine.run) && !parser.isSet(commandLine.panel)) return fail(QStringLiteral("--run goes with --panel"));
    const QString panel = parser.value(commandLine.panel);
    if (parser.isSet(commandLine.panel) && panel != QLatin1String("training") && panel != QLatin1String("evaluation") &&
        panel != QLatin1String("ablation") && panel != QLatin1String("explanation") && panel != QLatin1String("queue") &&
        panel != QLatin1String("agreement"))
        return fail(QStringLiteral("unknown --panel '%1' (expected: training, evaluation, ablation, explanation, queue or agreement)")
                        .arg(panel));
    const QString dialog = parser.value(commandLine.dialog);
    if (parser.isSet(commandLine.dialog)) {
        if (dialog != QLatin1String("taxonomy") && dialog != QLatin1String("pre-annotate") && dialog != QLatin1String("active-learning"))
            return fail(QStringLiteral("unknown --dialog '%1' (expected: taxonomy, pre-annotate or active-learning)").arg(dialog));
        if ((dialog == QLatin1String("active-learning")) != parser.isSet(commandLine.report))
            return fail(QStringLiteral("--report goes with --dialog active-learning, and it needs --report"));
        if (!isProject || !screenshot) return fail(QStringLiteral("--dialog goes with a project (.alproj) and --screenshot"));
    }
    qint64 runId = 0;
    if (parser.isSet(commandLine.run)) {
        bool ok = false;
        runId = parser.value(commandLine.run).toLongLong(&ok);
        if (!ok || runId <= 0) return fail(QStringLiteral("--run expects a run id (a positive number), got '%1'").arg(parser.value(commandLine.run)));
    }

    MainWindow window;
    if (parser.isSet(commandLine.privacy)) window.setPrivacyView(true);
    bool waitForFrame = false;
    if (isProject) {
        error = window.openProject(target);
        if (!error.isEmpty()) return fail(error);
        const auto& videos = window.document().videos();
        const int index = videoIndex.value_or(0);
        if (videoIndex && index >= int(videos.size()))
            return fail(QStringLiteral("--video %1 is out of range (the project has %2 videos)").arg(index).arg(videos.size()));
        if (!videos.empty()) {
            window.openProjectVideo(videos[size_t(index)].id, frame.value_or(0));
            waitForFrame = !videos[size_t(index)].path.empty();
        }
        if (panel == QLatin1String("training")) error = window.showTrainingRun(runId);
        if (panel == QLatin1String("evaluation")) error = showEvaluation(window, runId);
        if (panel == QLatin1String("ablation")) error = window.showAblationRun(runId);
        if (panel == QLatin1String("explanation")) error = window.showExplanation(runId);
        if (panel == QLatin1String("queue")) error = window.showLabellingQueue(runId);
#ifdef ACTIONLENS_WITH_LEARNING
        if (panel == QLatin1String("agreement")) {
            actionlens::ui::AgreementView* agreementView = window.showAgreement();
            error = agreementView ? agreementView->compare() : QStringLiteral("this build has no agreement view");
        }
#endif
        if (!error.isEmpty()) return fail(error);
    } else if (!target.isEmpty()) {
        if (!QFileInfo::exists(target)) return fail(QStringLiteral("%1 does not exist").arg(target));
        window.openVideoFile(target, frame.value_or(0));
        waitForFrame = true;
    }
    // A frame beyond the video is refused once its length is known (the window itself shows
    // the nearest frame).
    if (frame && waitForFrame && screenshot) {
        QObject::connect(&window.player(), &actionlens::ui::PlayerController::opened, &window, [&window, &frame] {
            const int frames = window.player().frameCount();
            if (*frame >= frames) {
                Q_EMIT window.videoFailed(
                    QStringLiteral("frame %1 is out of range (the video has %2 frames: 0-%3)").arg(*frame).arg(frames).arg(frames - 1));
            }
        });
    }
    window.show();
    if (parser.isSet(commandLine.present)) {
        if (!isProject) return fail(QStringLiteral("--present needs a project (.alproj)"));
        if (parser.isSet(commandLine.camera) && parser.isSet(commandLine.playlist))
            return fail(QStringLiteral("--camera and --playlist are two sources: choose one"));
        if (screenshot && parser.isSet(commandLine.camera))
            return screenshotCamera(window, parser.value(commandLine.camera), parser.value(screenshotOption));
        if (screenshot) return screenshotPresentation(window, frame.value_or(0), parser.value(screenshotOption));
        actionlens::ui::PresentationView* shown = window.openPresentation();
#ifdef ACTIONLENS_WITH_LEARNING
        if (shown && parser.isSet(commandLine.playlist)) shown->setPlaylist(true);
        // A camera that cannot be opened brings the start screen with the reason.
        if (shown && parser.isSet(commandLine.camera)) shown->startCamera(parser.value(commandLine.camera));
#else
        Q_UNUSED(shown);
#endif
    }
    if (parser.isSet(commandLine.playlist) && !parser.isSet(commandLine.present)) return fail(QStringLiteral("--playlist goes with --present"));
    if (parser.isSet(commandLine.camera) && !parser.isSet(commandLine.present)) return fail(QStringLiteral("--camera goes with --present"));
    if (screenshot && dialog == QLatin1String("active-learning")) {
        QString problems;
        QDialog* shown = window.openActiveLearningReports(parser.value(commandLine.report).split(QLatin1Char(',')), &problems);
        if (!shown) return fail(problems);
        if (!problems.isEmpty()) return fail(problems);
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
#ifdef ACTIONLENS_WITH_LEARNING
        // The plot as its export writes it (PNG at twice the pixels, SVG or PDF by the suffix).
        if (auto* plot = shown->findChild<actionlens::ui::ActiveLearningPlot*>())
            if (const QString written = actionlens::ui::savePlot(plot->plot(), parser.value(screenshotOption)); !written.isEmpty())
                return fail(written);
#endif
        return 0;
    }
    if (screenshot && dialog == QLatin1String("pre-annotate")) return screenshotPreAnnotate(window, parser.value(screenshotOption));
    if (screenshot && !dialog.isEmpty()) return screenshotTaxonomyEditor(window, parser.value(screenshotOption));
    if (screenshot) return takeScreenshot(window, frame.value_or(0), waitForFrame, parser.value(screenshotOption));
    return app.exec();
}
