#include "ui/editing/subject_inspector.h"

#include "ui/commands/change_subject_command.h"
#include "ui/document/project_document.h"
#include "ui/editing/label_check.h"

#include <QComboBox>
#include <QDate>

#include <algorithm>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace actionlens::ui {

namespace {
const QString kMissingStyle = QStringLiteral("QComboBox { border: 2px solid #e74c3c; border-radius: 3px; }");

QString consentLabel(annotation::ConsentStatus status) {
    switch (status) {
    case annotation::ConsentStatus::Given: return SubjectInspector::tr("given");
    case annotation::ConsentStatus::Refused: return SubjectInspector::tr("refused");
    case annotation::ConsentStatus::Withdrawn: return SubjectInspector::tr("withdrawn");
    case annotation::ConsentStatus::Unknown: break;
    }
    return SubjectInspector::tr("not recorded");
}
}  // namespace

SubjectInspector::SubjectInspector(ProjectDocument& document, QWidget* parent) : QWidget(parent), document_(document) {
    title_ = new QLabel(this);
    title_->setStyleSheet(QStringLiteral("font-weight: 600;"));
    name_ = new QLineEdit(this);
    attributes_ = new QWidget(this);
    form_ = new QFormLayout(attributes_);
    form_->setContentsMargins(0, 0, 0, 0);
    form_->addRow(tr("name:"), name_);
    auto* consentForm = new QFormLayout;
    consentForm->setContentsMargins(0, 0, 0, 0);
    consent_ = new QComboBox(this);
    for (annotation::ConsentStatus status : {annotation::ConsentStatus::Unknown, annotation::ConsentStatus::Given,
                                             annotation::ConsentStatus::Refused, annotation::ConsentStatus::Withdrawn})
        consent_->addItem(consentLabel(status), QString::fromLatin1(annotation::consentStatusName(status)));
    consent_->setToolTip(tr("Once any subject's consent is recorded, exports and training leave out everyone without it"));
    consentDate_ = new QLineEdit(this);
    consentDate_->setPlaceholderText(tr("YYYY-MM-DD"));
    consentNote_ = new QLineEdit(this);
    consentNote_->setPlaceholderText(tr("how it was recorded (left out of pseudonymised exports)"));
    consentForm->addRow(tr("consent:"), consent_);
    consentForm->addRow(tr("date:"), consentDate_);
    consentForm->addRow(tr("note:"), consentNote_);
    issues_ = new QLabel(this);
    issues_->setWordWrap(true);
    issues_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(title_);
    layout->addWidget(attributes_);
    layout->addLayout(consentForm);
    layout->addWidget(issues_);
    connect(name_, &QLineEdit::editingFinished, this, [this] { rename(name_->text()); });
    connect(consent_, &QComboBox::activated, this, [this] { changeConsent(); });
    connect(consentDate_, &QLineEdit::editingFinished, this, [this] { changeConsent(); });
    connect(consentNote_, &QLineEdit::editingFinished, this, [this] { changeConsent(); });
    connect(&document_, &ProjectDocument::subjectsChanged, this, &SubjectInspector::refresh);
    connect(&document_, &ProjectDocument::opened, this, &SubjectInspector::rebuildEditors);
    connect(&document_, &ProjectDocument::taxonomyChanged, this, &SubjectInspector::rebuildEditors);
    rebuildEditors();
}

QComboBox* SubjectInspector::attributeBox(const std::string& task) const {
    auto it = boxes_.find(task);
    return it != boxes_.end() ? it->second : nullptr;
}

void SubjectInspector::setSubject(std::int64_t subjectId) {
    subject_ = subjectId;
    refresh();
}

void SubjectInspector::rebuildEditors() {
    for (auto& [task, box] : boxes_) form_->removeRow(box);
    boxes_.clear();
    if (document_.isOpen()) {
        for (const auto& task : document_.taxonomy().tasks) {
            if (task.scope != annotation::TaskScope::Subject) continue;
            auto* box = new QComboBox(attributes_);
            box->addItem(tr("(none)"), QString());
            for (const auto& value : task.values) box->addItem(QString::fromStdString(value.name), QString::fromStdString(value.name));
            const std::string name = task.name;
            connect(box, &QComboBox::activated, this, [this, box, name](int index) {
                change(name, box->itemData(index).toString().toStdString());
            });
            form_->addRow(QString::fromStdString(task.name) + QLatin1Char(':'), box);
            boxes_[task.name] = box;
        }
    }
    refresh();
}

void SubjectInspector::refresh() {
    updating_ = true;
    const annotation::Subject* subject = document_.isOpen() ? document_.subject(subject_) : nullptr;
    setEnabled(subject != nullptr);
    title_->setText(subject ? tr("Subject %1").arg(subject->id) : tr("No subject in this lane"));
    name_->setText(subject ? QString::fromStdString(subject->name) : QString());
    const annotation::ConsentStatus consent = subject ? subject->consent : annotation::ConsentStatus::Unknown;
    consent_->setCurrentIndex(std::max(0, consent_->findData(QString::fromLatin1(annotation::consentStatusName(consent)))));
    consentDate_->setText(subject ? QString::fromStdString(subject->consentDate) : QString());
    consentNote_->setText(subject ? QString::fromStdString(subject->consentNote) : QString());
    for (auto& [task, box] : boxes_) {
        bool has = false;
        std::string value;
        if (subject) {
            auto it = subject->attributes.find(task);
            has = it != subject->attributes.end();
            if (has) value = it->second;
        }
        const int index = has ? box->findData(QString::fromStdString(value)) : 0;
        box->setCurrentIndex(index >= 0 ? index : 0);
        box->setStyleSheet(subject && (!has || index < 0) ? kMissingStyle : QString());
    }
    QStringList problems;
    if (subject)
        for (const LabelIssue& issue : subjectLabelIssues(document_.taxonomy(), *subject)) problems << issue.message;
    issues_->setText(problems.isEmpty() ? QString() : QStringLiteral("\u26a0 ") + problems.join(QStringLiteral("\n\u26a0 ")));
    issues_->setVisible(!problems.isEmpty());
    updating_ = false;
}

void SubjectInspector::change(const std::string& task, const std::string& value) {
    if (updating_) return;
    const annotation::Subject* subject = document_.subject(subject_);
    if (!subject) return;
    annotation::Subject after = *subject;
    if (value.empty())
        after.attributes.erase(task);
    else
        after.attributes[task] = value;
    if (after == *subject) return;
    const QString text = value.empty() ? tr("Clear %1 of %2").arg(QString::fromStdString(task), QString::fromStdString(subject->name))
                                       : tr("Set %1 of %2 to %3")
                                             .arg(QString::fromStdString(task), QString::fromStdString(subject->name),
                                                  QString::fromStdString(value));
    const QString error = ChangeSubjectCommand::run(document_, after, text);
    if (!error.isEmpty()) {
        refresh();
        Q_EMIT refused(error);
    }
}

void SubjectInspector::rename(const QString& name) {
    if (updating_) return;
    const annotation::Subject* subject = document_.subject(subject_);
    if (!subject || subject->name == name.toStdString()) return;
    if (name.trimmed().isEmpty()) {
        refresh();
        Q_EMIT refused(tr("A subject needs a name."));
        return;
    }
    annotation::Subject after = *subject;
    after.name = name.trimmed().toStdString();
    const QString error = ChangeSubjectCommand::run(document_, after,
                                                    tr("Rename %1 to %2").arg(QString::fromStdString(subject->name), name.trimmed()));
    if (!error.isEmpty()) {
        refresh();
        Q_EMIT refused(error);
    }
}

void SubjectInspector::changeConsent() {
    if (updating_) return;
    const annotation::Subject* subject = document_.subject(subject_);
    if (!subject) return;
    annotation::Subject after = *subject;
    if (!annotation::parseConsentStatus(consent_->currentData().toString().toStdString(), &after.consent)) return;
    QString date = consentDate_->text().trimmed();
    if (!date.isEmpty() && !QDate::fromString(date, Qt::ISODate).isValid()) {
        refresh();
        Q_EMIT refused(tr("'%1' is not a date: write it as YYYY-MM-DD.").arg(date));
        return;
    }
    // A status just recorded is dated today unless the user says otherwise.
    if (date.isEmpty() && after.consent != subject->consent && after.consent != annotation::ConsentStatus::Unknown)
        date = QDate::currentDate().toString(Qt::ISODate);
    after.consentDate = date.toStdString();
    after.consentNote = consentNote_->text().trimmed().toStdString();
    if (after == *subject) return;
    const QString text = after.consent != subject->consent
                             ? tr("Consent of %1: %2").arg(QString::fromStdString(subject->name), consentLabel(after.consent))
                             : tr("Edit the consent record of %1").arg(QString::fromStdString(subject->name));
    const QString error = ChangeSubjectCommand::run(document_, after, text);
    if (!error.isEmpty()) {
        refresh();
        Q_EMIT refused(error);
    }
}

}  // namespace actionlens::ui
