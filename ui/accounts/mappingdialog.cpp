#include "accounts/mappingdialog.h"

#include "shell/style.h"
#include "task/task.h"
#include "telemetry/mapping.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QString joined(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &n : names)
        list << QString::fromStdString(n);
    return list.join(QStringLiteral(", "));
}

std::vector<std::string> split(const QString &text)
{
    std::vector<std::string> names;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString name = part.trimmed(); !name.isEmpty())
            names.push_back(name.toStdString());
    return names;
}

} // namespace

MappingDialog::MappingDialog(const QString &dbPath, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
    , m_feature(new QLineEdit)
    , m_team(new QLineEdit)
    , m_user(new QLineEdit)
    , m_status(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults))
    , m_runner(new Task::Runner(this, Task::Runner::Policy::Every))
{
    setWindowTitle(tr("Telemetry attributes"));
    auto *help = new QLabel(tr("Which span or resource attributes name the feature, team and user of a model call: "
                               "attribute names in order of preference, separated by commas (the first one a span carries "
                               "wins; leave a line empty for none). Calls received or imported from now on use them."));
    help->setWordWrap(true);
    Style::text(help, Style::kMuted);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("mappingStatus"));
    for (QLineEdit *e : {m_feature, m_team, m_user})
        e->setMinimumWidth(e->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 36);
    auto *form = new QFormLayout;
    form->addRow(tr("&Feature:"), m_feature);
    form->addRow(tr("&Team:"), m_team);
    form->addRow(tr("&User:"), m_user);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MappingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { showMapping(Telemetry::Mapping{}); });

    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_status->setText(tr("Reading the stored attributes\u2026"));
    struct Loaded {
        Telemetry::Mapping mapping;
        QString error;
    };
    m_runner->run(
        m_dbPath,
        [](Task::Context &context) {
            Loaded l;
            std::string error;
            if (!Telemetry::loadMapping(context.db(), l.mapping, error))
                l.error = QString::fromStdString(error);
            return l;
        },
        [this](Task::Outcome<Loaded> &o) {
            const QString error = o.ok() ? o.value.error : o.error;
            if (!error.isEmpty()) {
                m_status->setText(error);
                Style::text(m_status, Style::kError);
                return;
            }
            showMapping(o.value.mapping);
            m_status->clear();
            m_loaded = true;
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
        });
}

MappingDialog::~MappingDialog() = default;

void MappingDialog::showMapping(const Telemetry::Mapping &mapping)
{
    m_feature->setText(joined(mapping.feature));
    m_team->setText(joined(mapping.team));
    m_user->setText(joined(mapping.user));
}

void MappingDialog::accept()
{
    // Checked as the JSON exchange format is, so the dialog and `telemetry mapping --import` agree.
    Telemetry::Mapping typed;
    typed.feature = split(m_feature->text());
    typed.team = split(m_team->text());
    typed.user = split(m_user->text());
    Telemetry::Mapping mapping;
    std::string error;
    if (!Telemetry::fromJson(Telemetry::toJson(typed), mapping, error)) {
        m_status->setText(QString::fromStdString(error));
        Style::text(m_status, Style::kError);
        return;
    }
    m_buttons->setEnabled(false);
    m_runner->write(
        m_dbPath, [mapping](Cost::SqliteDb &db, std::string &why) { return Telemetry::saveMapping(db, mapping, why); },
        [this](const QString &why) {
            m_buttons->setEnabled(true);
            if (!why.isEmpty()) {
                m_status->setText(why);
                Style::text(m_status, Style::kError);
                return;
            }
            Q_EMIT saved();
            QDialog::accept();
        });
}
