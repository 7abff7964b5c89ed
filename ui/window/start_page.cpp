#include "ui/window/start_page.h"

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
    trainDemo_ = actionButton(tr("Train a demo model"),
                              tr("Opens the demo project (rendering it first if needed) and trains the model on its "
                                 "\"train\" videos with the default settings, its curves live in the Training dock"),
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
                       static_cast<QWidget*>(demo_), static_cast<QWidget*>(trainDemo_), static_cast<QWidget*>(progress_), static_cast<QWidget*>(message_)})
        actions->addWidget(w);
    actions->addSpacing(kSpacing * 2);
    auto* keysLabel = new QLabel(tr("Keys"), this);
    keysLabel->setStyleSheet(QStringLiteral("font-weight: 600; font-size: 12pt;"));
    auto* keys = new QLabel(tr("<table cellspacing=3>"
                               "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
                               "<tr><td><b>J K L</b></td><td>shuttle back / stop / forward</td></tr>"
                               "<tr><td><b>\u2190 \u2192</b></td><td>one frame (Shift: ten)</td></tr>"
                               "<tr><td><b>I O \u21b5</b></td><td>mark in, out, make a segment</td></tr>"
                               "<tr><td><b>action key</b></td><td>hold while playing to code a segment</td></tr>"
                               "<tr><td><b>Ctrl+B / M</b></td><td>split / merge segments</td></tr>"
                               "<tr><td><b>Ctrl+Z</b></td><td>undo (every edit is saved at once)</td></tr>"
                               "</table>"),
                            this);
    keys->setStyleSheet(QStringLiteral("color: #555;"));
    actions->addWidget(keysLabel);
    actions->addWidget(keys);
    actions->addStretch(1);

    auto* recentLabel = new QLabel(tr("Recent projects"), this);
    recentLabel->setStyleSheet(QStringLiteral("font-weight: 600; font-size: 12pt;"));
    recent_ = new QListWidget(this);
    recent_->setMinimumWidth(380);
    recent_->setMaximumHeight(420);
    recentEmpty_ = new QLabel(tr("Projects you open appear here."), this);
    recentEmpty_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* recentColumn = new QVBoxLayout;
    recentColumn->setSpacing(kSpacing / 2);
    recentColumn->addWidget(recentLabel);
    recentColumn->addWidget(recentEmpty_);
    recentColumn->addWidget(recent_);
    recentColumn->addStretch(1);

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
    connect(trainDemo_, &QPushButton::clicked, this, &StartPage::trainDemoRequested);
    connect(recent_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT recentProjectActivated(item->data(Qt::UserRole).toString());
    });
    setRecentProjects({});
}

void StartPage::setRecentProjects(const QStringList& paths) {
    recent_->clear();
    for (const QString& path : paths) {
        // The name in bold over its folder in grey: a rich-text label as the item's face.
        auto* item = new QListWidgetItem(recent_);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        auto* face = new QLabel(QStringLiteral("<b>%1</b><br><span style=\"color:#777\">%2</span>")
                                    .arg(QFileInfo(path).completeBaseName().toHtmlEscaped(), homeRelative(path).toHtmlEscaped()),
                                recent_);
        face->setContentsMargins(8, 6, 8, 6);
        face->setAttribute(Qt::WA_TransparentForMouseEvents);
        // Two lines of text and the margins; the label's own hint is not laid out yet here.
        item->setSizeHint(QSize(face->sizeHint().width(), 2 * face->fontMetrics().lineSpacing() + 16));
        recent_->setItemWidget(item, face);
    }
    recentEmpty_->setVisible(paths.isEmpty());
}

void StartPage::setDemoProgress(qint64 framesDone, qint64 framesTotal) {
    progress_->setMaximum(framesTotal > 0 ? 1000 : 0);
    progress_->setValue(framesTotal > 0 ? static_cast<int>(1000 * framesDone / framesTotal) : 0);
}

void StartPage::setDemoBusy(bool busy) {
    demo_->setEnabled(!busy);
    trainDemo_->setEnabled(!busy);
    progress_->setVisible(busy);
    if (busy) setDemoProgress(0, 0);
}

void StartPage::showMessage(const QString& message) {
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
}

}  // namespace actionlens::ui
