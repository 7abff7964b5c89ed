#pragma once

// EffectiveHotkeys: the keys this user codes with. A project's taxonomy gives its actions their
// hotkeys; a user may choose their own key for an action (Edit > Preferences). The user's keys
// live in QSettings ("hotkeys/<action name>"), not in the project, so they follow the user into
// every project that has an action of that name, and the project file stays the team's. The
// effective hotkey of an action is the user's key, else the project's. Everything that shows or
// reads hotkeys (the coder, the inspector) asks this; the taxonomy editor shows the project's.
// No widgets.

#include "core/annotation/taxonomy.h"
#include "core/common/result.h"

#include <QObject>
#include <QString>

#include <map>
#include <string>

namespace actionlens::ui {

class EffectiveHotkeys : public QObject {
    Q_OBJECT
public:
    // Reads the user's keys from QSettings.
    explicit EffectiveHotkeys(QObject* parent = nullptr);

    // The user's key for the action of that name (lower case), "" when they use the project's.
    QString userKey(const QString& action) const;
    const std::map<QString, QString>& userKeys() const { return userKeys_; }

    // The taxonomy as this user codes with it: each action's hotkey is the user's key where they
    // chose one. One key does one thing: a project key that a user's key took over is dropped,
    // and of two actions given the same key by the user the first in the taxonomy keeps it. User
    // keys of actions the taxonomy does not have (renamed, removed, another project's) do nothing.
    annotation::Taxonomy applyTo(const annotation::Taxonomy& taxonomy) const;
    // The effective hotkey of a value of a task of `taxonomy` ("" for none).
    std::string hotkeyOf(const annotation::Taxonomy& taxonomy, const std::string& task, const std::string& value) const;

    // Checks `key` as the user's key for `action` against the other effective hotkeys of
    // `taxonomy` and the window's own keys (`reservedKeys`: key -> what it does), with the same
    // rules as the taxonomy editor; the error says what the key already does.
    Status check(const annotation::Taxonomy& taxonomy, const std::map<std::string, std::string>& reservedKeys,
                 const QString& action, const QString& key) const;
    // Checks, then stores the key (QSettings) and emits changed(). A key equal to the project's,
    // or "", resets the action to the project's key.
    Status setUserKey(const annotation::Taxonomy& taxonomy, const std::map<std::string, std::string>& reservedKeys,
                      const QString& action, const QString& key);
    void reset(const QString& action);
    // Resets the actions of `taxonomy`; keys chosen for actions of other projects stay.
    void resetAll(const annotation::Taxonomy& taxonomy);
    // Reads QSettings again (another window changed them).
    void reload();

Q_SIGNALS:
    void changed();

private:
    std::map<QString, QString> userKeys_;  // action name -> key
};

}  // namespace actionlens::ui
