#include "commands.h"

#include "store/store.h"

#include <QFile>

#include <cstdio>

bool openStore(const CommandContext &ctx, Cost::Store &store, const char *command, Cost::Store::TeamStore team)
{
    if (store.open(ctx.dbPath.toStdString(), team))
        return true;
    std::fprintf(stderr, "burnrate %s: %s\n", command, store.error().c_str());
    return false;
}

bool readInputFile(const QString &path, QByteArray &bytes, const char *command)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "burnrate %s: %s: %s\n", command, qPrintable(path), qPrintable(file.errorString()));
        return false;
    }
    bytes = file.readAll();
    return true;
}
