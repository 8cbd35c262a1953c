#include "recommendations/dismissdialog.h"

#include "format/dates.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

DismissDialog::DismissDialog(Mode mode, const QString &what, qint64 today, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(mode == Mode::Dismiss ? tr("Dismiss recommendation") : tr("Snooze recommendation"));
    auto *intro = new QLabel(what, this);
    intro->setWordWrap(true);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("e.g. quality too low on the smaller model"));
    m_reason->setMinimumWidth(360);
    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    if (mode == Mode::Snooze) {
        m_until = new QDateEdit(Format::dateOfDay(today + 30), this);
        m_until->setObjectName(QStringLiteral("until"));
        m_until->setCalendarPopup(true);
        m_until->setMinimumDate(Format::dateOfDay(today + 1));
        form->addRow(tr("Snooze &until:"), m_until);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Dismiss ? tr("Dismiss") : tr("Snooze"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString DismissDialog::reason() const { return m_reason->text().trimmed(); }

qint64 DismissDialog::untilDay() const { return m_until ? Format::dayOfDate(m_until->date()) : 0; }
