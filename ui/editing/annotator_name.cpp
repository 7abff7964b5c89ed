#include "ui/editing/annotator_name.h"

#include <QSettings>

namespace actionlens::ui {

namespace {

const QString kAnnotatorKey = QStringLiteral("annotation/annotator");

QString loginName() {
    for (const char* variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty()) return name;
    }
    return QStringLiteral("annotator");
}

}  // namespace

QString annotatorName() {
    const QString saved = QSettings().value(kAnnotatorKey).toString().trimmed();
    return saved.isEmpty() ? loginName() : saved;
}

void setAnnotatorName(const QString& name) {
    if (name.trimmed().isEmpty())
        QSettings().remove(kAnnotatorKey);
    else
        QSettings().setValue(kAnnotatorKey, name.trimmed());
}

}  // namespace actionlens::ui
