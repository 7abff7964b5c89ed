#include "ui/present/confidence_panel.h"

#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace actionlens::ui {

namespace {
constexpr int kAnimationMs = 30;
constexpr double kGlide = 0.3;  // share of the way to the target per step: ~0.2 s to settle

std::string keyOf(std::int64_t subject, const std::string& task, const std::string& cls) {
    return std::to_string(subject) + "/" + task + "/" + cls;
}
}  // namespace

ConfidencePanel::ConfidencePanel(QWidget* parent) : QWidget(parent), animation_(new QTimer(this)) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    animation_->setInterval(kAnimationMs);
    connect(animation_, &QTimer::timeout, this, &ConfidencePanel::step);
    setMinimumWidth(360);
}

void ConfidencePanel::setAnswers(std::vector<Subject> subjects) {
    subjects_ = std::move(subjects);
    message_.clear();
    if (!animation_->isActive()) animation_->start();
    update();
}

void ConfidencePanel::setMessage(const QString& message) {
    message_ = message;
    subjects_.clear();
    update();
}

double ConfidencePanel::shownValue(std::int64_t subjectId, const std::string& task, const std::string& cls) const {
    auto it = shown_.find(keyOf(subjectId, task, cls));
    return it == shown_.end() ? 0.0 : it->second;
}

void ConfidencePanel::step() {
    bool moving = false;
    std::map<std::string, double> next;
    for (const Subject& s : subjects_)
        for (const TaskAnswer& t : s.answer.tasks)
            for (size_t c = 0; c < t.classes.size(); ++c) {
                const std::string key = keyOf(s.answer.subjectId, t.task, t.classes[c]);
                const double target = t.probabilities[c];
                auto it = shown_.find(key);
                double value = it == shown_.end() ? 0.0 : it->second;
                value += (target - value) * kGlide;
                if (std::abs(target - value) < 0.002) value = target;
                moving |= value != target;
                next[key] = value;
            }
    shown_ = std::move(next);
    if (!moving) animation_->stop();
    update();
}

void ConfidencePanel::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x16, 0x18, 0x1c));
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont base = font();
    base.setPointSizeF(std::max(12.0, height() / 48.0));
    QFont heading = base;
    heading.setBold(true);
    heading.setPointSizeF(base.pointSizeF() * 1.25);
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.85);
    const int margin = 18;
    const int width = this->width() - 2 * margin;
    int y = margin;
    if (!message_.isEmpty() || subjects_.empty()) {
        painter.setFont(base);
        painter.setPen(QColor(0xb0, 0xb6, 0xbe));
        painter.drawText(QRect(margin, y, width, height() - 2 * margin), Qt::AlignTop | Qt::TextWordWrap,
                         message_.isEmpty() ? tr("No one the model can see in this frame.") : message_);
        return;
    }
    const int barHeight = int(QFontMetrics(small).height() * 1.2);
    for (const Subject& s : subjects_) {
        painter.setFont(heading);
        painter.setPen(s.colour);
        painter.drawText(QRect(margin, y, width, QFontMetrics(heading).height()), Qt::AlignLeft | Qt::AlignVCenter, s.name);
        y += QFontMetrics(heading).height() + 4;
        for (const TaskAnswer& t : s.answer.tasks) {
            painter.setFont(small);
            painter.setPen(QColor(0x9a, 0xa0, 0xa6));
            painter.drawText(QRect(margin, y, width, QFontMetrics(small).height()), Qt::AlignLeft | Qt::AlignVCenter,
                             QString::fromStdString(t.task));
            y += QFontMetrics(small).height() + 2;
            for (size_t c = 0; c < t.classes.size(); ++c) {
                const double value = shownValue(s.answer.subjectId, t.task, t.classes[c]);
                const QRectF track(margin, y, width, barHeight);
                painter.fillRect(track, QColor(0x26, 0x29, 0x2f));
                QColor fill = c == 0 ? s.colour : s.colour.darker(170);
                painter.fillRect(QRectF(track.left(), track.top(), track.width() * std::clamp(value, 0.0, 1.0), track.height()), fill);
                painter.setPen(Qt::white);
                painter.drawText(track.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter, QString::fromStdString(t.classes[c]));
                painter.drawText(track.adjusted(8, 0, -8, 0), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1 %").arg(100.0 * value, 0, 'f', 0));
                y += barHeight + 3;
                if (y > height()) return;
            }
            y += 6;
        }
        y += 12;
    }
}

}  // namespace actionlens::ui
