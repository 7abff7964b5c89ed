#include "core/annotation/project_secret.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace actionlens::annotation {

std::string newProjectSecret() {
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(secret.data()), reinterpret_cast<quint32*>(secret.data() + secret.size()));
    return secret.toHex().toStdString();
}

}  // namespace actionlens::annotation
