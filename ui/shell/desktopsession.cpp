#include "shell/desktopsession.h"

#include "shell/importcontroller.h"
#include "shell/mainwindow.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>

#include <unistd.h>

namespace {

const QString kRecentKey = QStringLiteral("stores/recent");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kPageKey = QStringLiteral("window/page");

QString canonical(const QString &path)
{
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}

} // namespace

QString DesktopSession::serverName(const QString &dbPath)
{
    // Short (a Unix socket path is limited) and private to the user: uid + a hash of the store.
    const QByteArray hash = QCryptographicHash::hash(canonical(dbPath).toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QStringLiteral("burnrate-%1-%2").arg(::getuid()).arg(QString::fromLatin1(hash));
}

bool DesktopSession::handOff(const QString &dbPath, const QStringList &files, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName(dbPath));
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonArray list;
    for (const QString &file : files)
        list.append(QFileInfo(file).absoluteFilePath());
    socket.write(QJsonDocument(QJsonObject{{QStringLiteral("files"), list}}).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The running copy answers once it has the files: only then may this launch exit.
    while (!socket.canReadLine())
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    return socket.readLine().trimmed() == "ok";
}

QStringList DesktopSession::recentStores()
{
    return QSettings().value(kRecentKey).toStringList();
}

void DesktopSession::addRecentStoresMenu(QMenu *file, const QString &current, std::function<void(const QString &)> open)
{
    QMenu *recent = file->addMenu(tr("Open &recent"));
    recent->setObjectName(QStringLiteral("recentStoresMenu"));
    // Filled when shown: another window may have opened a store since.
    connect(recent, &QMenu::aboutToShow, recent, [recent, current, open = std::move(open)] {
        recent->clear();
        for (const QString &path : recentStores()) {
            QAction *action = recent->addAction(QDir::toNativeSeparators(path), recent, [open, path] { open(path); });
            action->setEnabled(path != QFileInfo(current).canonicalFilePath() && QFileInfo::exists(path));
        }
        if (recent->isEmpty())
            recent->addAction(tr("No other stores yet"))->setEnabled(false);
    });
}

void DesktopSession::remember(const QString &dbPath)
{
    QStringList recent = recentStores();
    const QString path = canonical(dbPath);
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentStores)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
}

DesktopSession::DesktopSession(QObject *parent)
    : QObject(parent)
{
}

DesktopSession::~DesktopSession()
{
    saveWindow();
    delete m_window.data();
}

void DesktopSession::open(const QString &dbPath, const QStringList &files)
{
    MainWindow *previous = m_window;
    if (previous)
        saveWindow();
    auto *window = new MainWindow(dbPath);
    m_window = window;
    const QSettings settings;
    if (!window->restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        window->resize(1280, 800);
    const QString pageId = settings.value(kPageKey).toString();
    if (!pageId.isEmpty())
        window->showPage(pageId);
    connect(window, &MainWindow::openStoreRequested, this, [this](const QString &path) {
        // Another copy already open on that store takes it (and comes to the front): one copy per store.
        if (handOff(path, {}, 3000)) {
            if (m_window)
                m_window->statusBar()->showMessage(tr("Burnrate is already open on %1 in another window.").arg(path), 15000);
            return;
        }
        open(path);
    });
    connect(window, &MainWindow::closing, this, &DesktopSession::saveWindow);
    window->show();
    // Only now the old window goes: closing the last visible window would quit the app.
    if (previous) {
        disconnect(previous, nullptr, this, nullptr);
        previous->close();
        previous->deleteLater();
    }
    remember(dbPath);
    listen(dbPath);
    if (!files.isEmpty())
        window->importController()->importFiles(files);
}

void DesktopSession::saveWindow()
{
    if (!m_window)
        return;
    QSettings settings;
    settings.setValue(kGeometryKey, m_window->saveGeometry());
    const int index = MainWindow::pageIds().indexOf(m_window->currentPageId());
    if (index >= 0)
        settings.setValue(kPageKey, m_window->currentPageId());
}

void DesktopSession::listen(const QString &dbPath)
{
    delete m_server;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    const QString name = serverName(dbPath);
    // A copy killed earlier leaves its socket behind: nobody answers it (handOff failed), so it goes.
    if (!m_server->listen(name)) {
        QLocalServer::removeServer(name);
        if (!m_server->listen(name))
            qWarning("Burnrate: cannot listen for other launches on %s: %s", qPrintable(name), qPrintable(m_server->errorString()));
    }
    connect(m_server, &QLocalServer::newConnection, this, &DesktopSession::onConnection);
}

void DesktopSession::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            const QJsonObject message = QJsonDocument::fromJson(socket->readLine()).object();
            QStringList files;
            for (const QJsonValue &file : message.value(QStringLiteral("files")).toArray())
                files << file.toString();
            socket->write("ok\n");
            socket->flush();
            if (!m_window)
                return;
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
            Q_EMIT filesReceived(files);
            if (!files.isEmpty())
                m_window->importController()->importFiles(files);
        });
    }
}
