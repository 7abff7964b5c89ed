#include "ui/explain/explanation_view.h"

#include "ui/learning/plot_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace actionlens::ui {

namespace {

QCPColorGradient gradientOf(explain::HeatColours colours) {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    const auto& table = explain::heatColourTable(colours);
    for (int i = 0; i <= 8; ++i) {
        const explain::Rgb c = table[size_t(std::min(255, i * 32))];
        gradient.setColorStopAt(i / 8.0, QColor(c[0], c[1], c[2]));
    }
    return gradient;
}

QString headLabel(const explain::HeadExplanation& head) {
    return QStringLiteral("%1: %2 (%3)")
        .arg(QString::fromStdString(head.taskName), QString::fromStdString(head.className))
        .arg(double(head.probability), 0, 'f', 2);
}

}  // namespace

ExplanationView::ExplanationView(QWidget* parent) : QWidget(parent) {
    run_ = new QComboBox;
    run_->setToolTip(tr("The training run whose model is explained"));
    method_ = new QComboBox;
    method_->addItem(tr("Grad-CAM"), int(explain::ExplanationMethod::GradCam));
    method_->addItem(tr("Grad-CAM++"), int(explain::ExplanationMethod::GradCamPlusPlus));
    method_->addItem(tr("HiResCAM"), int(explain::ExplanationMethod::HiResCam));
    method_->addItem(tr("LayerCAM"), int(explain::ExplanationMethod::LayerCam));
    method_->addItem(tr("Attention (the head's own)"), int(explain::ExplanationMethod::Attention));
    method_->addItem(tr("Occlusion (model-agnostic)"), int(explain::ExplanationMethod::Occlusion));
    normalise_ = new QComboBox;
    normalise_->addItem(tr("Scale per clip"), int(explain::MapNormalisation::PerClip));
    normalise_->addItem(tr("Scale per frame"), int(explain::MapNormalisation::PerFrame));
    normalise_->setToolTip(tr("Per clip: frames compare with one another. Per frame: every frame shows its own peak."));
    head_ = new QComboBox;
    head_->setToolTip(tr("The task head whose decision is shown"));
    compare_ = new QComboBox;
    compare_->setToolTip(tr("A second head: the same frame explained for both, side by side"));
    colours_ = new QComboBox;
    for (explain::HeatColours c : explain::allHeatColours()) colours_->addItem(QString::fromLatin1(explain::heatColoursName(c)), int(c));
    colours_->setItemText(2, tr("cividis (colour-blind safe)"));
    opacity_ = new QSlider(Qt::Horizontal);
    opacity_->setRange(10, 100);
    opacity_->setValue(60);
    opacity_->setToolTip(tr("Opacity of the strongest evidence"));
    threshold_ = new QSlider(Qt::Horizontal);
    threshold_->setRange(0, 90);
    threshold_->setValue(20);
    threshold_->setToolTip(tr("Evidence below this share of the peak is not drawn"));
    onVideo_ = new QCheckBox(tr("Show on the video"));
    onVideo_->setChecked(true);
    busy_ = new QProgressBar;
    busy_->setRange(0, 0);
    busy_->setMaximumWidth(90);
    busy_->setTextVisible(false);
    busy_->hide();
    message_ = new QLabel(tr("Choose a run with a model; the stretch under the playhead is explained."));
    message_->setWordWrap(true);

    auto* pickers = new QFormLayout;
    pickers->addRow(tr("Run"), run_);
    pickers->addRow(tr("Method"), method_);
    auto* heads = new QHBoxLayout;
    heads->addWidget(head_, 1);
    heads->addWidget(new QLabel(tr("vs")));
    heads->addWidget(compare_, 1);
    pickers->addRow(tr("Head"), heads);
    auto* look = new QHBoxLayout;
    look->addWidget(colours_);
    look->addWidget(normalise_);
    pickers->addRow(tr("Colours"), look);
    auto* sliders = new QHBoxLayout;
    sliders->addWidget(new QLabel(tr("Opacity")));
    sliders->addWidget(opacity_);
    sliders->addWidget(new QLabel(tr("Threshold")));
    sliders->addWidget(threshold_);
    pickers->addRow(sliders);
    auto* status = new QHBoxLayout;
    status->addWidget(onVideo_);
    status->addWidget(busy_);
    status->addWidget(message_, 1);

    leftPreview_ = new QLabel;
    rightPreview_ = new QLabel;
    for (QLabel* l : {leftPreview_, rightPreview_}) {
        l->setAlignment(Qt::AlignCenter);
        l->setMinimumSize(120, 90);
    }
    previews_ = new QWidget;
    auto* previewRow = new QHBoxLayout(previews_);
    previewRow->setContentsMargins(0, 0, 0, 0);
    previewRow->addWidget(leftPreview_);
    previewRow->addWidget(rightPreview_);
    previews_->hide();

    plot_ = new QCustomPlot;
    plot_->setMinimumSize(360, 260);
    plot_->setAutoAddPlottableToLegend(false);
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu;
        menu.addAction(tr("Export plot..."), [this] { choosePlotFileAndSave(*plot_, this, QStringLiteral("explanation.png")); });
        menu.exec(plot_->mapToGlobal(at));
    });

    auto* exportPlot = new QPushButton(tr("Export figure..."));
    auto* exportMapsButton = new QPushButton(tr("Export maps (CSV)..."));
    auto* exportClip = new QPushButton(tr("Export clip (MP4)..."));
    connect(exportPlot, &QPushButton::clicked, this, [this] { choosePlotFileAndSave(*plot_, this, QStringLiteral("explanation.png")); });
    connect(exportMapsButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export maps"), QStringLiteral("explanation.csv"), tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        if (const QString error = exportMaps(path); !error.isEmpty()) QMessageBox::warning(this, tr("Export maps"), error);
    });
    connect(exportClip, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export clip"), QStringLiteral("explanation.mp4"), tr("MP4 video (*.mp4)"));
        if (!path.isEmpty()) Q_EMIT exportClipRequested(path);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(exportPlot);
    buttons->addWidget(exportMapsButton);
    buttons->addWidget(exportClip);

    // Controls on the left, the plot along the time axis on the right (the dock sits under the
    // timeline, so the strips read along it).
    auto* controls = new QVBoxLayout;
    controls->addLayout(pickers);
    controls->addLayout(status);
    controls->addWidget(previews_);
    controls->addStretch(1);
    controls->addLayout(buttons);
    auto* controlsBox = new QWidget;
    controlsBox->setLayout(controls);
    controlsBox->setMaximumWidth(420);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(controlsBox);
    layout->addWidget(plot_, 1);

    for (QComboBox* box : {run_, method_, normalise_})
        connect(box, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT requestChanged(); });
    for (QComboBox* box : {head_, compare_, colours_})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            drawPlot();
            drawPreviews();
            Q_EMIT styleChanged();
        });
    for (QSlider* slider : {opacity_, threshold_})
        connect(slider, &QSlider::valueChanged, this, [this] {
            drawPreviews();
            Q_EMIT styleChanged();
        });
    connect(onVideo_, &QCheckBox::toggled, this, [this] { Q_EMIT styleChanged(); });
}

void ExplanationView::setRuns(const std::vector<annotation::TrainingRun>& runs) {
    const std::int64_t chosen = currentRun() ? currentRun()->id : 0;
    runs_.clear();
    for (const annotation::TrainingRun& r : runs)
        if (r.kind == annotation::RunKind::Training && !r.checkpointPath.empty()) runs_.push_back(r);
    const QSignalBlocker block(run_);
    run_->clear();
    for (const annotation::TrainingRun& r : runs_) run_->addItem(QString::fromStdString(r.name), qlonglong(r.id));
    int index = run_->findData(qlonglong(chosen));
    // Without a choice yet: the latest run.
    if (index < 0) index = run_->count() - 1;
    run_->setCurrentIndex(index);
    if (runs_.empty()) setMessage(tr("No training run with a model yet: train one (Model > Train...)."));
}

const annotation::TrainingRun* ExplanationView::currentRun() const {
    const qlonglong id = run_->currentData().toLongLong();
    for (const annotation::TrainingRun& r : runs_)
        if (r.id == id) return &r;
    return nullptr;
}

void ExplanationView::chooseRun(std::int64_t runId) { run_->setCurrentIndex(run_->findData(qlonglong(runId))); }

explain::ExplanationMethod ExplanationView::method() const { return explain::ExplanationMethod(method_->currentData().toInt()); }

explain::MapNormalisation ExplanationView::normalisation() const { return explain::MapNormalisation(normalise_->currentData().toInt()); }

void ExplanationView::chooseMethod(explain::ExplanationMethod method) { method_->setCurrentIndex(method_->findData(int(method))); }

int ExplanationView::head() const { return std::max(0, head_->currentData().toInt()); }

int ExplanationView::compareHead() const { return compare_->currentIndex() <= 0 ? -1 : compare_->currentData().toInt(); }

void ExplanationView::chooseHeads(int head, int compareHead) {
    head_->setCurrentIndex(std::max(0, head_->findData(head)));
    compare_->setCurrentIndex(compareHead < 0 ? 0 : std::max(0, compare_->findData(compareHead)));
}

ExplanationStyle ExplanationView::style() const {
    ExplanationStyle s;
    s.colours = explain::HeatColours(colours_->currentData().toInt());
    s.opacity = opacity_->value() / 100.0;
    s.threshold = threshold_->value() / 100.0;
    return s;
}

bool ExplanationView::showsOnVideo() const { return onVideo_->isChecked(); }

void ExplanationView::setBusy(bool busy) { busy_->setVisible(busy); }

void ExplanationView::setMessage(const QString& message) { message_->setText(message); }

QString ExplanationView::message() const { return message_->text(); }

void ExplanationView::fillHeads() {
    if (!result_) return;
    const int head = head_->currentData().isValid() ? head_->currentData().toInt() : 0;
    const int other = compareHead();
    const QSignalBlocker blockHead(head_), blockCompare(compare_);
    head_->clear();
    compare_->clear();
    compare_->addItem(tr("(no comparison)"), -1);
    for (size_t h = 0; h < result_->heads.size(); ++h) {
        head_->addItem(headLabel(result_->heads[h]), int(h));
        compare_->addItem(headLabel(result_->heads[h]), int(h));
    }
    head_->setCurrentIndex(std::max(0, head_->findData(head)));
    compare_->setCurrentIndex(other < 0 ? 0 : std::max(0, compare_->findData(other)));
}

void ExplanationView::setResult(std::shared_ptr<const ExplanationResult> result) {
    result_ = std::move(result);
    fillHeads();
    if (result_)
        setMessage(tr("%1 of frames %2-%3 (%4)")
                       .arg(method_->currentText())
                       .arg(result_->clip.firstFrame)
                       .arg(result_->lastFrame())
                       .arg(result_->clip.subjectId ? tr("subject %1").arg(result_->clip.subjectId) : tr("whole frame")));
    drawPlot();
    drawPreviews();
}

void ExplanationView::setPlayhead(std::int64_t frame) {
    playhead_ = frame;
    for (int i = 0; i < plot_->itemCount(); ++i)
        if (auto* line = qobject_cast<QCPItemStraightLine*>(plot_->item(i))) {
            line->point1->setCoords(double(frame), 0.0);
            line->point2->setCoords(double(frame), 1.0);
        }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ExplanationView::setPicture(media::FramePtr picture) {
    picture_ = std::move(picture);
    if (previews_->isVisible()) drawPreviews();
}

void ExplanationView::drawPlot() {
    plot_->clearPlottables();
    plot_->clearItems();
    plot_->plotLayout()->clear();
    if (!result_ || result_->heads.empty()) {
        plot_->replot();
        return;
    }
    const ExplanationStyle look = style();
    std::vector<int> shown{head()};
    if (compareHead() >= 0 && compareHead() != head()) shown.push_back(compareHead());
    const double first = double(result_->clip.firstFrame), last = double(result_->lastFrame());
    auto playheadLine = [&](QCPAxisRect* rect) {
        auto* line = new QCPItemStraightLine(plot_);
        line->setClipAxisRect(rect);
        line->point1->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        line->point2->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        line->point1->setCoords(double(playhead_), 0.0);
        line->point2->setCoords(double(playhead_), 1.0);
        line->setPen(QPen(QColor(220, 40, 40), 1.5));
    };
    int row = 0;
    for (int h : shown) {
        const explain::HeadExplanation& head = result_->heads[size_t(h)];
        const explain::StreamExplanation* skeleton = head.stream(explain::Stream::Skeleton);
        if (!skeleton) continue;
        plot_->plotLayout()->addElement(row++, 0,
                                        new QCPTextElement(plot_, headLabel(head) + QStringLiteral(" - ") + method_->currentText(),
                                                           QFont(font().family(), 8, QFont::Bold)));
        auto* rect = new QCPAxisRect(plot_);
        plot_->plotLayout()->addElement(row++, 0, rect);
        rect->setMinimumSize(0, 9 * skeleton->map.columns);  // every joint's row readable
        auto* map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        const int joints = skeleton->map.columns;
        const int frames = int(result_->clip.segmentFrames);
        map->data()->setSize(frames, joints);
        map->data()->setRange(QCPRange(first, last), QCPRange(0, joints - 1));
        for (int f = 0; f < frames; ++f) {
            const std::vector<float> values = explain::mapAtSourceFrame(skeleton->map, f, frames);
            for (int j = 0; j < joints; ++j) map->data()->setCell(f, j, values[size_t(j)]);
        }
        map->setGradient(gradientOf(look.colours));
        map->setDataRange(QCPRange(0.0, 1.0));
        map->setInterpolate(false);
        QSharedPointer<QCPAxisTickerText> names(new QCPAxisTickerText);
        for (int j = 0; j < joints; ++j)
            names->addTick(j, size_t(j) < result_->jointNames.size() ? QString::fromStdString(result_->jointNames[size_t(j)]) : QString::number(j));
        rect->axis(QCPAxis::atLeft)->setTicker(names);
        rect->axis(QCPAxis::atLeft)->setRange(-0.5, joints - 0.5);
        rect->axis(QCPAxis::atLeft)->setTickLabelFont(QFont(font().family(), 7));
        rect->axis(QCPAxis::atLeft)->setRangeReversed(true);
        rect->axis(QCPAxis::atBottom)->setRange(first - 0.5, last + 0.5);
        rect->axis(QCPAxis::atBottom)->setTickLabels(false);
        playheadLine(rect);
    }
    // Two heads: where the first looks more (orange) or the second (blue), cell by cell.
    if (shown.size() == 2) {
        const explain::StreamExplanation* a = result_->heads[size_t(shown[0])].stream(explain::Stream::Skeleton);
        const explain::StreamExplanation* b = result_->heads[size_t(shown[1])].stream(explain::Stream::Skeleton);
        const explain::ExplanationMap difference = a && b ? explain::differenceMap(a->map, b->map) : explain::ExplanationMap();
        if (!difference.empty()) {
            plot_->plotLayout()->addElement(
                row++, 0,
                new QCPTextElement(plot_,
                                   tr("difference: %1 minus %2").arg(QString::fromStdString(result_->heads[size_t(shown[0])].taskName),
                                                                     QString::fromStdString(result_->heads[size_t(shown[1])].taskName)),
                                   QFont(font().family(), 8, QFont::Bold)));
            auto* rect = new QCPAxisRect(plot_);
            plot_->plotLayout()->addElement(row++, 0, rect);
            rect->setMinimumSize(0, 9 * difference.columns);
            auto* map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            const int frames = int(result_->clip.segmentFrames);
            map->data()->setSize(frames, difference.columns);
            map->data()->setRange(QCPRange(first, last), QCPRange(0, difference.columns - 1));
            for (int f = 0; f < frames; ++f) {
                const std::vector<float> values = explain::mapAtSourceFrame(difference, f, frames);
                for (int j = 0; j < difference.columns; ++j) map->data()->setCell(f, j, values[size_t(j)]);
            }
            // Diverging blue - white - orange: readable with the common colour-vision deficiencies.
            QCPColorGradient diverging;
            diverging.clearColorStops();
            diverging.setColorStopAt(0.0, QColor(33, 102, 172));
            diverging.setColorStopAt(0.5, QColor(247, 247, 247));
            diverging.setColorStopAt(1.0, QColor(230, 97, 1));
            map->setGradient(diverging);
            map->setDataRange(QCPRange(-1.0, 1.0));
            map->setInterpolate(false);
            rect->axis(QCPAxis::atLeft)->setRange(-0.5, difference.columns - 0.5);
            rect->axis(QCPAxis::atLeft)->setRangeReversed(true);
            rect->axis(QCPAxis::atLeft)->setTickLabels(false);
            rect->axis(QCPAxis::atBottom)->setRange(first - 0.5, last + 0.5);
            rect->axis(QCPAxis::atBottom)->setTickLabels(false);
            playheadLine(rect);
        }
    }
    // The temporal importance of every shown head and stream.
    auto* curves = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(row++, 0, curves);
    curves->setMaximumSize(QWIDGETSIZE_MAX, 100);
    curves->axis(QCPAxis::atLeft)->setLabel(tr("importance"));
    curves->axis(QCPAxis::atBottom)->setLabel(tr("frame"));
    auto* legend = new QCPLegend;
    curves->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    legend->setFont(QFont(font().family(), 7));
    legend->setLayer(QStringLiteral("legend"));
    double peak = 0.0;
    const QColor colours[2] = {QColor(30, 110, 180), QColor(200, 100, 20)};
    for (size_t k = 0; k < shown.size(); ++k) {
        const explain::HeadExplanation& head = result_->heads[size_t(shown[k])];
        for (const explain::StreamExplanation& s : head.streams) {
            auto* graph = plot_->addGraph(curves->axis(QCPAxis::atBottom), curves->axis(QCPAxis::atLeft));
            explain::ExplanationMap curve(int(s.temporal.size()), 1, 1);
            curve.values = s.temporal;
            QVector<double> x, y;
            for (std::int64_t f = 0; f < result_->clip.segmentFrames; ++f) {
                x << double(result_->clip.firstFrame + f);
                y << double(explain::mapAtSourceFrame(curve, f, result_->clip.segmentFrames)[0]);
                peak = std::max(peak, y.back());
            }
            graph->setData(x, y, true);
            graph->setPen(QPen(colours[k], 2, s.stream == explain::Stream::Skeleton ? Qt::SolidLine : Qt::DashLine));
            graph->setName(QStringLiteral("%1 (%2)").arg(QString::fromStdString(head.taskName), QLatin1String(explain::streamName(s.stream))));
            legend->addItem(new QCPPlottableLegendItem(legend, graph));
        }
    }
    curves->axis(QCPAxis::atBottom)->setRange(first - 0.5, last + 0.5);
    curves->axis(QCPAxis::atLeft)->setRange(0.0, peak > 0.0 ? peak * 1.1 : 1.0);
    playheadLine(curves);
    // The strips and the curve share the time axis.
    auto* group = new QCPMarginGroup(plot_);
    for (QCPAxisRect* rect : plot_->axisRects()) rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    plot_->replot();
}

void ExplanationView::drawPreviews() {
    const bool comparing = result_ && compareHead() >= 0 && picture_;
    previews_->setVisible(comparing);
    if (!comparing) return;
    const media::VideoFrame& f = *picture_;
    const QImage::Format format = f.layout == media::PixelLayout::Bgrx32 ? QImage::Format_RGB32 : QImage::Format_RGB888;
    const QImage frame = QImage(f.rgb.data(), f.width, f.height, f.stride, format).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    ExplanationOverlay overlay;
    overlay.setResult(result_);
    overlay.setFrame(playhead_);
    overlay.setStyle(style());
    const int side = std::max(120, (previews_->width() - 12) / 2);
    for (auto [label, head] : {std::pair<QLabel*, int>{leftPreview_, head()}, {rightPreview_, compareHead()}}) {
        QImage image = frame.copy();
        overlay.setHead(head);
        overlay.paintOnto(image);
        label->setPixmap(QPixmap::fromImage(image.scaledToWidth(std::min(side, image.width() * 2), Qt::SmoothTransformation)));
        label->setToolTip(headLabel(result_->heads[size_t(head)]));
    }
}

QString ExplanationView::exportMaps(const QString& path) const {
    if (!result_) return tr("nothing is explained yet");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("cannot write %1: %2").arg(path, file.errorString());
    std::vector<int> shown{head()};
    if (compareHead() >= 0 && compareHead() != head()) shown.push_back(compareHead());
    QByteArray text;
    for (int h : shown) {
        const explain::HeadExplanation& head = result_->heads[size_t(h)];
        for (const explain::StreamExplanation& s : head.streams) {
            text += QByteArray("# head ") + QByteArray::fromStdString(head.taskName) + ", class " + QByteArray::fromStdString(head.className) +
                    ", " + explain::explanationMethodName(head.method) + ", " + explain::streamName(s.stream) + "\n";
            if (s.stream == explain::Stream::Skeleton) {
                text += QByteArray::fromStdString(explain::mapCsvOverSourceFrames(s.map, result_->clip.firstFrame, result_->clip.segmentFrames,
                                                                                  result_->jointNames));
            } else {
                explain::ExplanationMap curve(int(s.temporal.size()), 1, 1);
                curve.values = s.temporal;
                text += QByteArray::fromStdString(
                    explain::mapCsvOverSourceFrames(curve, result_->clip.firstFrame, result_->clip.segmentFrames, {"importance"}));
            }
        }
    }
    file.write(text);
    if (!file.commit()) return tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace actionlens::ui
