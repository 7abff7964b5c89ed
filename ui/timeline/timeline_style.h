#pragma once

// The timeline's colours (a dark theme, like the video view around it), shared by its event
// handling and painting files.

#include <QColor>

namespace actionlens::ui::timeline_style {

inline const QColor kBackground{0x23, 0x25, 0x29};
inline const QColor kHeaderBackground{0x2b, 0x2e, 0x33};
inline const QColor kLaneBackground{0x2f, 0x32, 0x38};
inline const QColor kGrid{0x3b, 0x3f, 0x46};
inline const QColor kText{0xe6, 0xe6, 0xe6};
inline const QColor kDimText{0x9a, 0xa0, 0xa6};
inline const QColor kPlayhead{0xff, 0x4d, 0x4d};
inline const QColor kMarks{0x4d, 0xa3, 0xff};

}  // namespace actionlens::ui::timeline_style
