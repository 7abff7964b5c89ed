#include "core/privacy/pseudonymised_export.h"

#include "core/annotation/project_store.h"

#include <QTemporaryDir>

namespace actionlens::privacy {

Status exportPseudonymised(const std::string& format, annotation::ProjectStore& store, const std::string& output,
                           const formats::ExportOptions& options, const PseudonymOptions& pseudonyms) {
    if (!formats::findFormat(format)) return formats::exportProject(format, store, output, options);  // its message
    auto redaction = pseudonymRedaction(store, pseudonyms);
    if (!redaction) return redaction.takeError();
    QTemporaryDir folder;
    if (!folder.isValid()) return makeError("cannot make a temporary folder for the pseudonymised copy: " + folder.errorString().toStdString());
    const std::string copyPath = folder.filePath(QStringLiteral("project.alproj")).toStdString();
    if (Status s = writeRedactedCopy(store, copyPath, redaction.value()); !s) return s;
    auto copy = annotation::ProjectStore::open(copyPath);
    if (!copy) return makeError("cannot open the pseudonymised copy: " + copy.error());
    return formats::exportProject(format, *copy.value(), output, options);
}

}  // namespace actionlens::privacy
