#pragma once

// StartPage: what the window shows with no project open: open, new, the demo project (rendered
// on first use, with progress), a demo model trained on it (where the build has the learning
// engine) and the recent projects.

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace actionlens::ui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    void setRecentProjects(const QStringList& paths);
    // While the demo project is being rendered: the demo buttons are disabled and progress shown.
    void setDemoProgress(qint64 framesDone, qint64 framesTotal);
    void setDemoBusy(bool busy);
    void showMessage(const QString& message);  // an error from the last attempt, or empty

    QListWidget* recentList() const { return recent_; }
    QPushButton* demoButton() const { return demo_; }
    // "Train a demo model"; the window hides it where the build has no learning engine.
    QPushButton* trainDemoButton() const { return trainDemo_; }
    QProgressBar* demoProgressBar() const { return progress_; }

Q_SIGNALS:
    void openProjectRequested();
    void newProjectRequested();
    void openVideoRequested();
    void demoRequested();
    void trainDemoRequested();
    void recentProjectActivated(const QString& path);

private:
    QListWidget* recent_ = nullptr;
    QPushButton* demo_ = nullptr;
    QPushButton* trainDemo_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* recentEmpty_ = nullptr;
};

}  // namespace actionlens::ui
