// MainWindow: Tools > Agreement: the Agreement dock (ui/agreement), and a disagreement chosen
// there shown in the player with both annotators' layers side by side.

#include "ui/window/main_window.h"

#include <QAction>
#include <QMenu>

#ifdef ACTIONLENS_WITH_LEARNING
#include "ui/agreement/agreement_view.h"
#include "ui/timeline/timeline_widget.h"

#include <QDockWidget>
#endif

namespace actionlens::ui {

void MainWindow::createAgreementAction(QMenu* menu) {
#ifdef ACTIONLENS_WITH_LEARNING
    QAction* action = menu->addAction(tr("&Agreement..."), this, [this] { showAgreement(); });
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
    action->setStatusTip(tr("Compare two annotators' codings: kappa, alpha, segment F1, the confusion between them, each disagreement"));
#else
    Q_UNUSED(menu);
#endif
}

AgreementView* MainWindow::showAgreement() {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!agreementDock_) {
        agreementView_ = new AgreementView(document_);
        agreementDock_ = new QDockWidget(tr("Agreement"), this);
        agreementDock_->setObjectName(QStringLiteral("agreementDock"));
        agreementDock_->setWidget(agreementView_);
        addDockWidget(Qt::BottomDockWidgetArea, agreementDock_);
        connect(agreementView_, &AgreementView::disagreementChosen, this, [this](const agreement::Disagreement& d) {
            if (document_.currentVideoId() != d.videoId)
                openProjectVideo(d.videoId, int(d.firstFrame));
            else
                showFrame(int(d.firstFrame));
            if (layersAction_ && !layersAction_->isChecked()) layersAction_->setChecked(true);
            timeline_->setActiveSubject(d.subjectId);
            setMarkIn(int(d.firstFrame));
            setMarkOut(int(d.lastFrame));
        });
    }
    agreementView_->reload();
    agreementDock_->show();
    agreementDock_->raise();
    return agreementView_;
#else
    return nullptr;
#endif
}

}  // namespace actionlens::ui
