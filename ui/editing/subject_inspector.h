#pragma once

// SubjectInspector: the person behind the active lane: their name, one drop-down per
// per-subject task of the taxonomy (handedness, age group, ...) and their consent (status, date,
// note: exports and training leave out subjects without it once any consent is recorded).
// Missing and unknown values are highlighted. Changes are undoable (ChangeSubjectCommand, one
// transaction).

#include <QWidget>

#include <cstdint>
#include <map>
#include <string>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace actionlens::ui {

class ProjectDocument;

class SubjectInspector : public QWidget {
    Q_OBJECT
public:
    explicit SubjectInspector(ProjectDocument& document, QWidget* parent = nullptr);

    void setSubject(std::int64_t subjectId);
    std::int64_t subject() const { return subject_; }
    void refresh();

    QLineEdit* nameEdit() const { return name_; }
    QComboBox* attributeBox(const std::string& task) const;
    QLabel* issuesLabel() const { return issues_; }
    QComboBox* consentBox() const { return consent_; }
    QLineEdit* consentDateEdit() const { return consentDate_; }
    QLineEdit* consentNoteEdit() const { return consentNote_; }

Q_SIGNALS:
    void refused(const QString& message);

private:
    void rebuildEditors();
    void change(const std::string& task, const std::string& value);
    void rename(const QString& name);
    // Status, date and note as the editors show them, as one undoable change.
    void changeConsent();

    ProjectDocument& document_;
    std::int64_t subject_ = 0;
    QLabel* title_ = nullptr;
    QLineEdit* name_ = nullptr;
    QWidget* attributes_ = nullptr;
    QFormLayout* form_ = nullptr;
    std::map<std::string, QComboBox*> boxes_;
    QLabel* issues_ = nullptr;
    QComboBox* consent_ = nullptr;
    QLineEdit* consentDate_ = nullptr;
    QLineEdit* consentNote_ = nullptr;
    bool updating_ = false;
};

}  // namespace actionlens::ui
