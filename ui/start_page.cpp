#include "ui/start_page.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace actionlens::ui {

namespace {
constexpr int kSpacing = 12;

QPushButton* actionButton(const QString& text, const QString& detail, QWidget* parent) {
    auto* button = new QPushButton(text, parent);
    button->setToolTip(detail);
    button->setMinimumHeight(40);
    button->setMinimumWidth(240);
    button->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 6px 14px; font-size: 11pt; }"));
    return button;
}

QString homeRelative(const QString& path) {
    const QString home = QDir::homePath();
    return path.startsWith(home + QLatin1Char('/')) ? QStringLiteral("~") + path.mid(home.size()) : path;
}
}  // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent) {
    auto* title = new QLabel(QStringLiteral("ActionLens"), this);
    title->setStyleSheet(QStringLiteral("font-size: 26pt; font-weight: 600;"));
    auto* subtitle = new QLabel(tr("Annotate, learn and explain human actions in video."), this);
    subtitle->setStyleSheet(QStringLiteral("font-size: 11pt; color: palette(mid);"));

    auto* open = actionButton(tr("Open project..."), tr("Open an .alproj project file"), this);
    auto* create = actionButton(tr("New project..."), tr("Create an empty project"), this);
    auto* video = actionButton(tr("Open a video..."), tr("Play a video file without a project"), this);
    demo_ = actionButton(tr("Open the demo project"),
                         tr("Rendered mannequins moving with real Penn Action motion, labelled and with "
                            "skeletons; created on first use in %1")
                             .arg(QDir::toNativeSeparators(QFileInfo(QStringLiteral("~/.local/share/actionlens/demo")).filePath())),
                         this);
    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    progress_->setFormat(tr("Rendering the demo project... %p%"));
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    message_->setVisible(false);

    auto* actions = new QVBoxLayout;
    actions->setSpacing(kSpacing / 2);
    auto* startLabel = new QLabel(tr("Start"), this);
    startLabel->setStyleSheet(QStringLiteral("font-weight: 600; font-size: 12pt;"));
    actions->addWidget(startLabel);
    for (QWidget* w : {static_cast<QWidget*>(open), static_cast<QWidget*>(create), static_cast<QWidget*>(video),
                       static_cast<QWidget*>(demo_), static_cast<QWidget*>(progress_), static_cast<QWidget*>(message_)})
        actions->addWidget(w);
    actions->addStretch(1);

    auto* recentLabel = new QLabel(tr("Recent projects"), this);
    recentLabel->setStyleSheet(QStringLiteral("font-weight: 600; font-size: 12pt;"));
    recent_ = new QListWidget(this);
    recent_->setMinimumWidth(380);
    recent_->setStyleSheet(QStringLiteral("QListWidget::item { padding: 6px; }"));
    recentEmpty_ = new QLabel(tr("Projects you open appear here."), this);
    recentEmpty_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* recentColumn = new QVBoxLayout;
    recentColumn->setSpacing(kSpacing / 2);
    recentColumn->addWidget(recentLabel);
    recentColumn->addWidget(recentEmpty_);
    recentColumn->addWidget(recent_, 1);

    auto* columns = new QHBoxLayout;
    columns->setSpacing(kSpacing * 3);
    columns->addLayout(actions);
    columns->addLayout(recentColumn, 1);

    auto* card = new QVBoxLayout;
    card->setSpacing(kSpacing);
    card->addWidget(title);
    card->addWidget(subtitle);
    card->addSpacing(kSpacing * 2);
    card->addLayout(columns, 1);

    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(kSpacing * 4, kSpacing * 4, kSpacing * 4, kSpacing * 4);
    outer->addStretch(1);
    outer->addLayout(card, 4);
    outer->addStretch(1);

    connect(open, &QPushButton::clicked, this, &StartPage::openProjectRequested);
    connect(create, &QPushButton::clicked, this, &StartPage::newProjectRequested);
    connect(video, &QPushButton::clicked, this, &StartPage::openVideoRequested);
    connect(demo_, &QPushButton::clicked, this, &StartPage::demoRequested);
    connect(recent_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT recentProjectActivated(item->data(Qt::UserRole).toString());
    });
    setRecentProjects({});
}

void StartPage::setRecentProjects(const QStringList& paths) {
    recent_->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(QFileInfo(path).completeBaseName(), homeRelative(path)), recent_);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    recentEmpty_->setVisible(paths.isEmpty());
}

void StartPage::setDemoProgress(qint64 framesDone, qint64 framesTotal) {
    progress_->setMaximum(framesTotal > 0 ? 1000 : 0);
    progress_->setValue(framesTotal > 0 ? static_cast<int>(1000 * framesDone / framesTotal) : 0);
}

void StartPage::setDemoBusy(bool busy) {
    demo_->setEnabled(!busy);
    progress_->setVisible(busy);
    if (busy) setDemoProgress(0, 0);
}

void StartPage::showMessage(const QString& message) {
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
}

}  // namespace actionlens::ui
