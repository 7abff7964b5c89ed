#pragma once

// Saving a plot as the user asked by the file's suffix: .png (at the plot's size, twice the
// pixels for sharp slides), .svg (vector, through Qt SVG) or .pdf (vector). The file appears
// only when complete: it is written beside the target and renamed over it.

#include <QString>

class QCustomPlot;
class QWidget;

namespace actionlens::ui {

// An empty message when written, else why not ("unknown suffix .bmp: use .png, .svg or .pdf").
QString savePlot(QCustomPlot& plot, const QString& path);

// Asks for a file name (PNG, SVG, PDF) and saves; errors are shown in a message box.
void choosePlotFileAndSave(QCustomPlot& plot, QWidget* parent, const QString& suggestedName);

}  // namespace actionlens::ui
