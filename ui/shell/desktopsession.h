#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

class MainWindow;
class QMenu;
class QLocalServer;

/// The app as a desktop citizen: one window per store and one running copy per store. A second
/// launch on the same store hands its files to the running window (which raises itself and
/// imports them) instead of opening a second copy; the window's geometry and last page are
/// restored; the stores opened are remembered (File → Open recent).
class DesktopSession : public QObject {
    Q_OBJECT
public:
    /// Hands `files` (absolute paths; may be empty) to a Burnrate running on `dbPath`; true when
    /// one took them (it raises its window). Blocks up to `timeoutMs`; needs a QCoreApplication.
    static bool handOff(const QString &dbPath, const QStringList &files, int timeoutMs = 3000);
    /// The local socket name for a store: per user and per store file.
    static QString serverName(const QString &dbPath);
    /// The stores opened, most recent first (at most kRecentStores).
    static QStringList recentStores();
    static constexpr int kRecentStores = 8;
    /// Adds File → Open recent to `file`: the recent stores other than `current`, each calling `open`.
    static void addRecentStoresMenu(QMenu *file, const QString &current, std::function<void(const QString &)> open);

    explicit DesktopSession(QObject *parent = nullptr);
    ~DesktopSession() override;

    /// Opens the window on `dbPath` (closing the one on another store), with its saved geometry
    /// and page, listens for later launches on it, and imports `files` into it.
    void open(const QString &dbPath, const QStringList &files = {});
    MainWindow *window() const { return m_window; }

Q_SIGNALS:
    /// Files handed over by another launch (emitted before they are imported).
    void filesReceived(const QStringList &files);

private:
    void listen(const QString &dbPath);
    void onConnection();
    void saveWindow();
    static void remember(const QString &dbPath);

    QPointer<MainWindow> m_window;
    QLocalServer *m_server = nullptr;
};
