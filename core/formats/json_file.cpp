#include "core/formats/json_file.h"

#include "core/formats/text_file.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace actionlens::formats {

Result<QJsonObject> readJsonObjectFile(const std::string& path, const std::string& fileName, const std::string& whatItIs,
                                       size_t maxBytes) {
    auto text = readTextFile(path, maxBytes);
    if (!text) return text.takeError();
    QJsonParseError parseError{};
    const QByteArray bytes = QByteArray::fromStdString(text.value());
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = 1 + static_cast<int>(bytes.left(parseError.offset).count('\n'));
        return makeError(fileName + " line " + std::to_string(line) + ": not valid JSON: " + parseError.errorString().toStdString());
    }
    if (!doc.isObject()) return makeError(fileName + ": expected a JSON object (" + whatItIs + ")");
    return doc.object();
}

}  // namespace actionlens::formats
