// SubjectInspector + ChangeSubjectCommand: attributes and name edited undoably, gaps highlighted.

#include "ui/document/project_document.h"
#include "ui/dataset/dataset_browser.h"
#include "ui/editing/subject_inspector.h"
#include "ui_project_fixture.h"

#include <QComboBox>
#include <QDate>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(SubjectInspector, EditsAttributesAndNameUndoablyAndHighlightsGaps) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const annotation::Subject original = document.subjects().front();
    SubjectInspector inspector(document);
    inspector.show();
    inspector.setSubject(original.id);
    EXPECT_EQ(inspector.nameEdit()->text().toStdString(), original.name);
    QComboBox* hand = inspector.attributeBox("handedness");
    ASSERT_NE(hand, nullptr);
    EXPECT_EQ(hand->currentData().toString().toStdString(), original.attributes.at("handedness"));
    EXPECT_TRUE(inspector.issuesLabel()->isHidden());

    const QString other = original.attributes.at("handedness") == "left" ? QStringLiteral("right") : QStringLiteral("left");
    const int index = hand->findData(other);
    hand->setCurrentIndex(index);
    Q_EMIT hand->activated(index);
    EXPECT_EQ(document.store().subjects().value().front().attributes.at("handedness"), other.toStdString());

    const int none = hand->findData(QString());
    hand->setCurrentIndex(none);
    Q_EMIT hand->activated(none);
    EXPECT_FALSE(inspector.issuesLabel()->isHidden());
    EXPECT_TRUE(hand->styleSheet().contains(QStringLiteral("#e74c3c")));

    inspector.nameEdit()->setText(QStringLiteral("Ada"));
    Q_EMIT inspector.nameEdit()->editingFinished();
    EXPECT_EQ(document.store().subjects().value().front().name, "Ada");
    EXPECT_EQ(document.undoStack().count(), 3);

    while (document.undoStack().canUndo()) document.undoStack().undo();
    EXPECT_EQ(document.store().subjects().value().front(), original);
    EXPECT_EQ(inspector.nameEdit()->text().toStdString(), original.name);
}

TEST(SubjectInspector, AnEmptyNameIsRefused) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    SubjectInspector inspector(document);
    inspector.setSubject(document.subjects().front().id);
    QSignalSpy refused(&inspector, &SubjectInspector::refused);
    inspector.nameEdit()->setText(QStringLiteral("   "));
    Q_EMIT inspector.nameEdit()->editingFinished();
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(document.undoStack().count(), 0);
}

TEST(SubjectInspector, RecordsConsentUndoablyAndTheDatasetSaysWhatIsLeftOut) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const annotation::Subject first = document.subjects().front();
    SubjectInspector inspector(document);
    DatasetBrowser browser(document);
    inspector.setSubject(first.id);
    EXPECT_FALSE(browser.summary()->text().contains(QStringLiteral("consent")));

    QComboBox* consent = inspector.consentBox();
    const int given = consent->findData(QStringLiteral("given"));
    consent->setCurrentIndex(given);
    Q_EMIT consent->activated(given);
    const annotation::Subject stored = document.store().subjects().value().front();
    EXPECT_EQ(stored.consent, annotation::ConsentStatus::Given);
    EXPECT_EQ(stored.consentDate, QDate::currentDate().toString(Qt::ISODate).toStdString());  // dated today
    // Everyone else's consent is now missing: the dataset says what exports and training leave out.
    EXPECT_TRUE(browser.summary()->text().contains(QStringLiteral("without consent"))) << browser.summary()->text().toStdString();
    EXPECT_FALSE(browser.summary()->toolTip().contains(QString::fromStdString(first.name)));

    inspector.consentNoteEdit()->setText(QStringLiteral("form 12"));
    Q_EMIT inspector.consentNoteEdit()->editingFinished();
    EXPECT_EQ(document.store().subjects().value().front().consentNote, "form 12");
    QSignalSpy refused(&inspector, &SubjectInspector::refused);
    inspector.consentDateEdit()->setText(QStringLiteral("yesterday"));
    Q_EMIT inspector.consentDateEdit()->editingFinished();
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(document.undoStack().count(), 2);
    while (document.undoStack().canUndo()) document.undoStack().undo();
    EXPECT_EQ(document.store().subjects().value().front().consent, annotation::ConsentStatus::Unknown);
    EXPECT_FALSE(browser.summary()->text().contains(QStringLiteral("consent")));
}
