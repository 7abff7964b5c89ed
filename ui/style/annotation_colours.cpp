#include "ui/style/annotation_colours.h"

#include <QPainter>
#include <QPixmap>

#include <array>

namespace actionlens::ui {

namespace {
// Distinct hues of similar lightness (readable under white text and on a dark video).
constexpr std::array<QRgb, 10> kPalette{0x2e86de, 0xe67e22, 0x27ae60, 0xc0392b, 0x8e44ad,
                                        0x16a085, 0xd35400, 0x2c3e90, 0xb7950b, 0x7f8c8d};

QColor fromHex(const std::string& hex) {
    const QColor c(QString::fromStdString(hex));
    return c.isValid() ? c : QColor();
}
}  // namespace

QColor subjectColour(std::int64_t subjectId) {
    // Subject 0 (no subject yet) is grey.
    if (subjectId <= 0) return QColor(0x95, 0xa5, 0xa6);
    static constexpr std::array<QRgb, 6> kSubjects{0xf1c40f, 0x1abc9c, 0xe84393, 0x00cec9, 0xfd79a8, 0xa29bfe};
    return QColor(kSubjects[size_t(subjectId - 1) % kSubjects.size()]);
}

std::string actionGroup(const annotation::Taxonomy& taxonomy, const std::string& action) {
    const annotation::TaskDefinition* task = taxonomy.actionTask();
    if (!task) return {};
    const annotation::TaskValue* value = task->findValue(action);
    return value ? value->group : std::string();
}

QColor actionColour(const annotation::Taxonomy& taxonomy, const std::string& action) {
    const annotation::TaskDefinition* task = taxonomy.actionTask();
    if (!task) return QColor(kPalette[0]);
    for (size_t i = 0; i < task->values.size(); ++i) {
        const annotation::TaskValue& value = task->values[i];
        if (value.name != action) continue;
        if (QColor c = fromHex(value.colour); c.isValid()) return c;
        for (const auto& group : task->groups)
            if (group.name == value.group)
                if (QColor c = fromHex(group.colour); c.isValid()) return c.lighter(100 + int(i % 3) * 15);
        return QColor(kPalette[i % kPalette.size()]);
    }
    return QColor(0x95, 0xa5, 0xa6);  // unlabelled or unknown
}

QColor groupColour(const annotation::Taxonomy& taxonomy, const std::string& group) {
    const annotation::TaskDefinition* task = taxonomy.actionTask();
    if (!task) return QColor(0x95, 0xa5, 0xa6);
    for (size_t g = 0; g < task->groups.size(); ++g) {
        if (task->groups[g].name != group) continue;
        if (QColor c = fromHex(task->groups[g].colour); c.isValid()) return c;
        return QColor(kPalette[(kPalette.size() - 1 - g % kPalette.size())]);
    }
    return QColor(0x95, 0xa5, 0xa6);
}

QIcon colourSwatch(const QColor& colour) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(colour);
    painter.setPen(colour.darker(140));
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}

QColor textColourOn(const QColor& background) {
    // Relative luminance (sRGB weights) decides.
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

}  // namespace actionlens::ui
