#pragma once

// The name this user's segments are stored under (QSettings "annotation/annotator"; Edit >
// Preferences, "Annotator"), the login name until one is given: what a segment drawn or a
// prediction accepted in the window records as its annotator.

#include <QString>

namespace actionlens::ui {

QString annotatorName();
// An empty name returns to the login name.
void setAnnotatorName(const QString& name);

}  // namespace actionlens::ui
