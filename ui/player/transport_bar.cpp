#include "ui/player/transport_bar.h"

#include "ui/style/action_icons.h"

#include "ui/player/player_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>

#include <cmath>

namespace actionlens::ui {

QString formatTimecode(double seconds) {
    const qint64 ms = std::llround(std::max(0.0, seconds) * 1000.0);
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

const std::vector<double>& TransportBar::rates() {
    static const std::vector<double> values{0.25, 0.5, 1.0, 1.5, 2.0, 4.0};
    return values;
}

TransportBar::TransportBar(PlayerController& player, QWidget* parent) : QWidget(parent), player_(player) {
    auto button = [this](ActionIcon icon, const QString& tip, auto slot) {
        auto* b = new QToolButton(this);
        b->setIcon(actionIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        b->setIconSize(QSize(20, 20));
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto* first = button(ActionIcon::SkipStart, tr("First frame (Home)"), [this] {
        player_.pause();
        player_.seek(0);
    });
    auto* back = button(ActionIcon::StepBack, tr("Previous frame (Left)"), [this] { player_.step(-1); });
    play_ = button(ActionIcon::Play, tr("Play / pause (Space); J, K, L shuttle"), [this] { player_.togglePlay(); });
    auto* next = button(ActionIcon::StepForward, tr("Next frame (Right)"), [this] { player_.step(1); });
    auto* last = button(ActionIcon::SkipEnd, tr("Last frame (End)"), [this] {
        player_.pause();
        player_.seek(player_.frameCount() - 1);
    });

    rate_ = new QComboBox(this);
    for (double r : rates()) rate_->addItem(QStringLiteral("%1x").arg(r), r);
    rate_->setCurrentIndex(2);
    rate_->setToolTip(tr("Playback rate"));
    connect(rate_, &QComboBox::currentIndexChanged, this, [this](int index) { player_.setRate(rate_->itemData(index).toDouble()); });

    auto* frameLabel = new QLabel(tr("Frame"), this);
    frame_ = new QSpinBox(this);
    frame_->setKeyboardTracking(false);  // seek when the number is complete, not per digit
    frame_->setToolTip(tr("Go to frame (0-based; Ctrl+G)"));
    frame_->setMinimumWidth(80);
    frame_->setAlignment(Qt::AlignRight);
    frameCount_ = new QLabel(this);
    time_ = new QLabel(this);
    time_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = time_->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    time_->setFont(mono);
    frame_->installEventFilter(this);
    connect(frame_, &QSpinBox::valueChanged, this, [this](int frame) {
        if (frame != player_.currentFrame()) player_.seek(frame);
    });

    loop_ = new QCheckBox(tr("Loop segment"), this);
    loop_->setToolTip(tr("Play the selected segment over and over"));
    loop_->setEnabled(false);
    connect(loop_, &QCheckBox::toggled, this, &TransportBar::loopToggled);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(6);
    for (QWidget* w : {static_cast<QWidget*>(first), static_cast<QWidget*>(back), static_cast<QWidget*>(play_),
                       static_cast<QWidget*>(next), static_cast<QWidget*>(last)})
        layout->addWidget(w);
    layout->addSpacing(12);
    layout->addWidget(rate_);
    layout->addSpacing(12);
    layout->addWidget(frameLabel);
    layout->addWidget(frame_);
    layout->addWidget(frameCount_);
    layout->addSpacing(12);
    layout->addWidget(time_);
    layout->addStretch(1);
    layout->addWidget(loop_);

    connect(&player_, &PlayerController::positionChanged, this, &TransportBar::updatePosition);
    connect(&player_, &PlayerController::opened, this, &TransportBar::updateRanges);
    connect(&player_, &PlayerController::playingChanged, this, [this](bool playing) {
        play_->setIcon(actionIcon(playing ? ActionIcon::Pause : ActionIcon::Play));
    });
    connect(&player_, &PlayerController::rateChanged, this, [this](double rate) {
        const QSignalBlocker block(rate_);
        const int index = rate_->findData(rate);
        if (index >= 0) {
            rate_->setCurrentIndex(index);
        } else {
            rate_->setEditText(QStringLiteral("%1x").arg(rate));
        }
    });
    updateRanges();
}

bool TransportBar::eventFilter(QObject* watched, QEvent* event) {
    // Keys typed into the frame box are for it, not for the window's shortcuts (Return would
    // otherwise make a segment from the marks, Left/Right would step the player).
    if (watched == frame_ && event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TransportBar::setLoopAvailable(bool available) {
    loop_->setEnabled(available);
    if (!available) loop_->setChecked(false);
}

void TransportBar::updateRanges() {
    const int frames = player_.isOpen() ? player_.frameCount() : 0;
    const QSignalBlocker block(frame_);
    frame_->setRange(0, std::max(0, frames - 1));
    frame_->setEnabled(frames > 0);
    frameCount_->setText(frames > 0 ? tr("of 0-%1").arg(frames - 1) : QString());
    if (frames > 0) {
        updatePosition(player_.currentFrame(), player_.secondsOf(player_.currentFrame()));
    } else {
        time_->setText(formatTimecode(0) + QStringLiteral(" / ") + formatTimecode(0));
    }
}

void TransportBar::updatePosition(int frame, double seconds) {
    {
        const QSignalBlocker block(frame_);
        frame_->setValue(frame);
    }
    const double duration = player_.isOpen() ? player_.info().durationSeconds : 0.0;
    time_->setText(formatTimecode(seconds) + QStringLiteral(" / ") + formatTimecode(duration));
}

}  // namespace actionlens::ui
