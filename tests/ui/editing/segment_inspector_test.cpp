// SegmentInspector: shows the selection's labels and derived group, edits them undoably,
// highlights missing labels, and filters actions by search.

#include "ui/document/project_document.h"
#include "ui/editing/segment_editor.h"
#include "ui/editing/segment_inspector.h"
#include "ui_project_fixture.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct InspectorFixture : ::testing::Test {
    void SetUp() override {
        ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
        document.setCurrentVideo(document.videos().front().id);
        inspector = std::make_unique<SegmentInspector>(document, editor);
        inspector->show();
    }
    QListWidgetItem* actionItem(const QString& name) {
        for (int i = 0; i < inspector->actionList()->count(); ++i)
            if (inspector->actionList()->item(i)->data(Qt::UserRole).toString() == name) return inspector->actionList()->item(i);
        return nullptr;
    }
    annotation::Segment stored(std::int64_t id) { return document.store().segment(id).value(); }
    QTemporaryDir dir;
    ProjectDocument document;
    SegmentEditor editor{document};
    std::unique_ptr<SegmentInspector> inspector;
};

}  // namespace

TEST_F(InspectorFixture, ShowsTheActionItsDerivedGroupAndTheAttributes) {
    const annotation::Segment s = document.segments().front();
    inspector->setSelection({s.id});
    ASSERT_NE(inspector->actionList()->currentItem(), nullptr);
    EXPECT_EQ(inspector->actionList()->currentItem()->data(Qt::UserRole).toString().toStdString(), s.labels.at("action"));
    const auto* task = document.taxonomy().actionTask();
    const std::string group = task->findValue(s.labels.at("action"))->group;
    EXPECT_EQ(inspector->groupLabel()->text(), QStringLiteral("Group: %1").arg(QString::fromStdString(group)));
    ASSERT_NE(inspector->attributeBox("viewpoint"), nullptr);
    EXPECT_EQ(inspector->attributeBox("viewpoint")->currentData().toString().toStdString(), s.labels.at("viewpoint"));
    EXPECT_TRUE(inspector->issuesLabel()->isHidden());
}

TEST_F(InspectorFixture, ChoosingAnActionRelabelsAndTheGroupFollowsAndUndoRestores) {
    const annotation::Segment s = document.segments().front();
    inspector->setSelection({s.id});
    const QString other = s.labels.at("action") == "bench_press" ? QStringLiteral("bowl") : QStringLiteral("bench_press");
    QListWidgetItem* item = actionItem(other);
    ASSERT_NE(item, nullptr);
    QTest::mouseClick(inspector->actionList()->viewport(), Qt::LeftButton, {},
                      inspector->actionList()->visualItemRect(item).center());
    EXPECT_EQ(stored(s.id).labels.at("action"), other.toStdString());
    const std::string group = document.taxonomy().actionTask()->findValue(other.toStdString())->group;
    EXPECT_EQ(inspector->groupLabel()->text(), QStringLiteral("Group: %1").arg(QString::fromStdString(group)));
    document.undoStack().undo();
    EXPECT_EQ(stored(s.id), s);
    EXPECT_EQ(inspector->actionList()->currentItem()->data(Qt::UserRole).toString().toStdString(), s.labels.at("action"));
}

TEST_F(InspectorFixture, MissingLabelsAreHighlightedAndListed) {
    const annotation::Segment s = document.segments().front();
    ASSERT_EQ(editor.setLabel({s.id}, "viewpoint", ""), QString());
    inspector->setSelection({s.id});
    EXPECT_FALSE(inspector->issuesLabel()->isHidden());
    EXPECT_TRUE(inspector->issuesLabel()->text().contains(QStringLiteral("viewpoint is missing")));
    EXPECT_TRUE(inspector->attributeBox("viewpoint")->styleSheet().contains(QStringLiteral("#e74c3c")));
    // Choosing a value in the highlighted editor fixes it.
    QComboBox* box = inspector->attributeBox("viewpoint");
    const int front = box->findData(QStringLiteral("front"));
    ASSERT_GE(front, 0);
    box->setCurrentIndex(front);
    Q_EMIT box->activated(front);
    EXPECT_EQ(stored(s.id).labels.at("viewpoint"), "front");
    EXPECT_TRUE(inspector->issuesLabel()->isHidden());
    EXPECT_TRUE(box->styleSheet().isEmpty());
}

TEST_F(InspectorFixture, SeveralSegmentsShowMixedValuesAndAChangeAppliesToAll) {
    ASSERT_GE(document.segments().size(), 2u);
    std::vector<std::int64_t> ids{document.segments()[0].id, document.segments()[1].id};
    ASSERT_EQ(editor.setLabel({ids[0]}, "viewpoint", "front"), QString());
    ASSERT_EQ(editor.setLabel({ids[1]}, "viewpoint", "back"), QString());
    inspector->setSelection(ids);
    EXPECT_EQ(inspector->attributeBox("viewpoint")->currentText(), QStringLiteral("(mixed)"));
    QComboBox* box = inspector->attributeBox("viewpoint");
    const int left = box->findData(QStringLiteral("left"));
    box->setCurrentIndex(left);
    Q_EMIT box->activated(left);
    for (std::int64_t id : ids) EXPECT_EQ(stored(id).labels.at("viewpoint"), "left");
    EXPECT_EQ(document.undoStack().undoText().contains(QStringLiteral("2 segments")), true);
}

TEST_F(InspectorFixture, SearchFiltersTheActionsAndReturnPicksTheFirst) {
    const annotation::Segment s = document.segments().front();
    inspector->setSelection({s.id});
    inspector->actionSearch()->setText(QStringLiteral("jack"));
    int shown = 0;
    for (int i = 0; i < inspector->actionList()->count(); ++i) shown += !inspector->actionList()->item(i)->isHidden();
    EXPECT_EQ(shown, 1);
    QTest::keyClick(inspector->actionSearch(), Qt::Key_Return);
    EXPECT_EQ(stored(s.id).labels.at("action"), "jumping_jacks");
}

TEST_F(InspectorFixture, TheActionListShowsTheKeysInUseAndFollowsTheUsersChoice) {
    QSettings().remove(QStringLiteral("hotkeys"));
    document.hotkeys().reload();
    ASSERT_NE(actionItem(QStringLiteral("golf_swing")), nullptr);
    EXPECT_TRUE(actionItem(QStringLiteral("golf_swing"))->text().endsWith(QStringLiteral("[6]")));
    ASSERT_TRUE(document.hotkeys().setUserKey(document.taxonomy(), {}, QStringLiteral("golf_swing"), QStringLiteral("g")).ok());
    EXPECT_TRUE(actionItem(QStringLiteral("golf_swing"))->text().endsWith(QStringLiteral("[g]")));
    document.hotkeys().reset(QStringLiteral("golf_swing"));
    EXPECT_TRUE(actionItem(QStringLiteral("golf_swing"))->text().endsWith(QStringLiteral("[6]")));
}
