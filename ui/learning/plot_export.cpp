#include "ui/learning/plot_export.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTemporaryFile>
#include <qcustomplot.h>

namespace actionlens::ui {

namespace {

bool writeSvg(QCustomPlot& plot, const QString& path) {
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(plot.size());
    generator.setViewBox(QRect(QPoint(0, 0), plot.size()));
    generator.setTitle(plot.windowTitle());
    QCPPainter painter;
    if (!painter.begin(&generator)) return false;
    plot.toPainter(&painter, plot.width(), plot.height());
    return painter.end();
}

}  // namespace

QString savePlot(QCustomPlot& plot, const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
        return QObject::tr("unknown suffix '.%1': use .png, .svg or .pdf").arg(suffix);
    // Written beside the target, then renamed: a full disk or a failed render leaves no half file.
    QTemporaryFile temporary(QFileInfo(path).absolutePath() + QStringLiteral("/.plot-XXXXXX.") + suffix);
    if (!temporary.open()) return QObject::tr("cannot write in %1: %2").arg(QFileInfo(path).absolutePath(), temporary.errorString());
    const QString written = temporary.fileName();
    temporary.close();
    bool ok = false;
    const int width = std::max(plot.width(), 320), height = std::max(plot.height(), 200);
    if (suffix == QLatin1String("png"))
        ok = plot.savePng(written, width, height, 2.0);
    else if (suffix == QLatin1String("pdf"))
        ok = plot.savePdf(written, width, height);
    else
        ok = writeSvg(plot, written);
    if (!ok || QFileInfo(written).size() == 0) return QObject::tr("could not write %1").arg(path);
    QFile::remove(path);
    if (!QFile::rename(written, path)) return QObject::tr("could not replace %1").arg(path);
    temporary.setAutoRemove(false);
    return {};
}

void choosePlotFileAndSave(QCustomPlot& plot, QWidget* parent, const QString& suggestedName) {
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export plot"), suggestedName,
                                                      QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    if (const QString error = savePlot(plot, path); !error.isEmpty())
        QMessageBox::warning(parent, QObject::tr("Export plot"), error);
}

}  // namespace actionlens::ui
