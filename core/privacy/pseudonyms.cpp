#include "core/privacy/pseudonyms.h"

#include "core/annotation/project_secret.h"
#include "core/annotation/project_store.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace actionlens::privacy {

std::string Pseudonymiser::pseudonym(const std::string& kind, const std::string& original) const {
    QByteArray message = QByteArray::fromStdString(kind);
    message.append('\0');
    message.append(QByteArray::fromStdString(original));
    const QByteArray mac = QMessageAuthenticationCode::hash(message, QByteArray::fromStdString(secret_), QCryptographicHash::Sha256);
    return kind + "-" + mac.left(6).toHex().toStdString();
}

Result<std::string> projectPseudonymSecret(annotation::ProjectStore& store) {
    auto stored = store.infoValue(kPseudonymSecretKey);
    if (!stored) return stored.takeError();
    if (!stored->empty()) return stored.value();
    if (store.isReadOnly())
        return makeError("the project has no pseudonym secret yet and is open read-only (another program holds it): "
                         "close the project in ActionLens, or export from ActionLens itself, to make one");
    const std::string hex = annotation::newProjectSecret();
    if (Status s = store.setInfoValue(kPseudonymSecretKey, hex); !s) return s.takeError();
    return hex;
}

}  // namespace actionlens::privacy
