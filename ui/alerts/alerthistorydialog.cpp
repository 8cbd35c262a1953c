#include "alerts/alerthistorydialog.h"

#include "alerts/alertcenter.h"
#include "format/format.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString deliveryText(const Ui::AlertRecord &r)
{
    QStringList where;
    if (r.trayShown)
        where << AlertHistoryDialog::tr("desktop");
    if (r.webhookStatus == QLatin1String("delivered"))
        where << AlertHistoryDialog::tr("webhook");
    else if (r.webhookStatus == QLatin1String("pending"))
        where << AlertHistoryDialog::tr("webhook (sending\u2026)");
    else if (r.webhookStatus == QLatin1String("failed"))
        where << AlertHistoryDialog::tr("webhook failed: %1").arg(r.webhookError);
    else if (r.webhookStatus == QLatin1String("skipped"))
        where << AlertHistoryDialog::tr("webhook skipped: %1").arg(r.webhookError);
    return where.isEmpty() ? AlertHistoryDialog::tr("history only") : where.join(QStringLiteral(", "));
}

} // namespace

AlertHistoryDialog::AlertHistoryDialog(Ui::AlertCenter *center, QWidget *parent)
    : QDialog(parent)
    , m_center(center)
{
    setWindowTitle(tr("Alert history"));
    resize(900, 460);
    m_table = new QTableWidget(0, 5);
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Kind"), tr("Severity"), tr("Alert"), tr("Delivered")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::ResizeToContents);
    m_empty = new QLabel(tr("No alerts yet. Budget thresholds and anomalies appear here when they fire."));
    m_empty->setAlignment(Qt::AlignCenter);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    connect(center, &Ui::AlertCenter::historyChanged, this, &AlertHistoryDialog::refresh);
    refresh();
}

void AlertHistoryDialog::refresh()
{
    const QList<Ui::AlertRecord> rows = m_center->history();
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const Ui::AlertRecord &r = rows[i];
        const QString when = Format::timestamp(r.message.at.toLocalTime());
        auto *alert = new QTableWidgetItem(r.message.title + QLatin1Char('\n') + r.message.body);
        alert->setToolTip(r.message.body);
        const QString cells[] = {when, r.message.kind, r.message.severity};
        for (int c = 0; c < 3; ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
        m_table->setItem(i, 3, alert);
        m_table->setItem(i, 4, new QTableWidgetItem(deliveryText(r)));
    }
    m_table->resizeRowsToContents();
    m_empty->setVisible(rows.isEmpty());
    m_table->setVisible(!rows.isEmpty());
}
