#pragma once

// Colours the annotation widgets share, so that a subject or an action has the same colour in
// the video overlay, the timeline and the inspector: the taxonomy's own colour where it gives
// one, otherwise a fixed palette chosen for contrast on video and on light backgrounds.

#include "core/annotation/taxonomy.h"

#include <QColor>
#include <QIcon>

#include <cstdint>
#include <string>

namespace actionlens::ui {

QColor subjectColour(std::int64_t subjectId);
// The action's colour, else its group's, else one from the palette by the action's position.
QColor actionColour(const annotation::Taxonomy& taxonomy, const std::string& action);
// A class group's colour (for segments labelled with the group only), else one from the palette.
QColor groupColour(const annotation::Taxonomy& taxonomy, const std::string& group);
// The group an action belongs to ("" when unknown).
std::string actionGroup(const annotation::Taxonomy& taxonomy, const std::string& action);
// A small rounded square of the colour, for lists and buttons.
QIcon colourSwatch(const QColor& colour);
// Black or white, whichever reads better on `background`.
QColor textColourOn(const QColor& background);

// Skeleton sides: left joints and bones in one colour, right in another (as pose tools do).
inline QColor leftSideColour() { return QColor(0x35, 0xa7, 0xff); }
inline QColor rightSideColour() { return QColor(0xff, 0x8c, 0x2a); }

}  // namespace actionlens::ui
