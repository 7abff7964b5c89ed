#include "core/privacy/privacy_export.h"

#include "core/annotation/project_store.h"

#include <QTemporaryDir>

namespace actionlens::privacy {

Status exportWithPrivacy(const std::string& format, annotation::ProjectStore& store, const std::string& output,
                         const formats::ExportOptions& options, const PrivacyOptions& privacy) {
    if (!formats::findFormat(format)) return formats::exportProject(format, store, output, options);  // its message
    auto redaction = privacyRedaction(store, privacy);
    if (!redaction) return redaction.takeError();
    if (!privacy.pseudonymise && redaction->removedSubjects.empty()) return formats::exportProject(format, store, output, options);
    QTemporaryDir folder;
    if (!folder.isValid()) return makeError("cannot make a temporary folder for the project's copy: " + folder.errorString().toStdString());
    const std::string copyPath = folder.filePath(QStringLiteral("project.alproj")).toStdString();
    if (Status s = writeRedactedCopy(store, copyPath, redaction.value()); !s) return s;
    auto copy = annotation::ProjectStore::open(copyPath);
    if (!copy) return makeError("cannot open the project's copy: " + copy.error());
    return formats::exportProject(format, *copy.value(), output, options);
}

}  // namespace actionlens::privacy
