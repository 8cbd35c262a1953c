#include "accounts/wizardpages.h"

#include "accountmanager.h"
#include "secretbinding.h"
#include "accounts/connectwizard.h"
#include "accounts/secrettextedit.h"
#include "shell/style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr Style::Text kErrorStyle = Style::kError;
constexpr Style::Text kHelpStyle = Style::kMuted;
const QString kHistoryKey = QStringLiteral("history_days");

QLabel *errorLabel()
{
    auto *label = new QLabel;
    Style::text(label, kErrorStyle);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

/// An editor with a one-line help text under it, as one form row widget.
QWidget *withHelp(QWidget *editor, const QString &help)
{
    if (help.isEmpty())
        return editor;
    auto *box = new QWidget;
    // The row takes the form's whole field width, so the help has room to wrap (under a narrow
    // combo box it was squeezed to the box's width and cut at top and bottom).
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    const bool grows = editor->sizePolicy().expandingDirections() & Qt::Horizontal;
    layout->addWidget(editor, 0, grows ? Qt::Alignment() : Qt::AlignLeft);
    auto *label = new QLabel(help);
    label->setWordWrap(true);
    Style::text(label, kHelpStyle);
    layout->addWidget(label);
    return box;
}

QWidget *rowWith(QWidget *editor, QWidget *button)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(editor, 1);
    layout->addWidget(button, 0, Qt::AlignTop);
    return row;
}

} // namespace

// ---- Source -------------------------------------------------------------------------------

WizardSourcePage::WizardSourcePage(ConnectWizard *wizard)
    : m_wizard(wizard)
    , m_sources(new QListWidget)
    , m_description(new QLabel)
    , m_name(new QLineEdit)
    , m_error(errorLabel())
{
    setTitle(tr("Choose a source"));
    setSubTitle(tr("Burnrate reads cost and usage from the provider's billing API and keeps it on this computer."));
    m_sources->setObjectName(QStringLiteral("sources"));
    for (const Conn::ConnectorEntry &entry : Conn::ConnectorRegistry::all()) {
        auto *item = new QListWidgetItem(entry.descriptor.displayName, m_sources);
        item->setData(Qt::UserRole, entry.descriptor.id);
        item->setToolTip(entry.descriptor.description);
    }
    m_description->setWordWrap(true);
    Style::text(m_description, kHelpStyle);
    m_description->setMinimumHeight(36);
    m_name->setObjectName(QStringLiteral("accountName"));
    m_name->setPlaceholderText(tr("e.g. OpenAI production"));

    auto *form = new QFormLayout;
    form->addRow(tr("Account &name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sources, 1);
    layout->addWidget(m_description);
    layout->addLayout(form);
    layout->addWidget(m_error);

    connect(m_sources, &QListWidget::currentRowChanged, this, &WizardSourcePage::onSourceChanged);
    connect(m_sources, &QListWidget::itemDoubleClicked, wizard, &QWizard::next);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        showError(m_error, {});
        Q_EMIT completeChanged();
    });
}

void WizardSourcePage::initializePage()
{
    const QString provider = m_wizard->config().provider;
    for (int row = 0; row < m_sources->count(); ++row) {
        if (m_sources->item(row)->data(Qt::UserRole).toString() == provider)
            m_sources->setCurrentRow(row);
    }
    if (m_sources->currentRow() < 0 && m_sources->count() > 0)
        m_sources->setCurrentRow(0);
    if (m_wizard->isEditing()) {
        m_sources->setEnabled(false); // an account's source never changes; add a new one instead
        m_name->setText(m_wizard->config().name);
    }
    m_sources->setFocus();
}

QString WizardSourcePage::suggestedName(const QString &displayName) const
{
    QString name = displayName;
    for (int n = 2; m_wizard->manager()->snapshotAccountByName(name); ++n)
        name = QStringLiteral("%1 %2").arg(displayName).arg(n);
    return name;
}

void WizardSourcePage::onSourceChanged()
{
    const QListWidgetItem *item = m_sources->currentItem();
    if (!item)
        return;
    if (!m_wizard->isEditing())
        m_wizard->setProvider(item->data(Qt::UserRole).toString());
    const auto &entry = m_wizard->entry();
    m_description->setText(entry ? entry->descriptor.description : QString());
    if (!m_wizard->isEditing() && entry && (m_name->text().isEmpty() || m_name->text() == m_autoName)) {
        m_autoName = suggestedName(entry->descriptor.displayName);
        m_name->setText(m_autoName);
    }
    Q_EMIT completeChanged();
}

bool WizardSourcePage::isComplete() const
{
    return m_wizard->entry().has_value() && !m_name->text().trimmed().isEmpty();
}

bool WizardSourcePage::validatePage()
{
    const QString name = m_name->text().trimmed();
    const auto existing = m_wizard->manager()->snapshotAccountByName(name);
    if (existing && existing->id != m_wizard->config().id) {
        showError(m_error, tr("An account named \"%1\" exists already. Choose another name.").arg(name));
        m_name->setFocus();
        m_name->selectAll();
        return false;
    }
    m_wizard->config().name = name;
    return true;
}

int WizardSourcePage::nextId() const
{
    const auto &entry = m_wizard->entry();
    // A source without credentials or an address (a local folder) goes straight to its options.
    if (entry && entry->descriptor.credentials.isEmpty() && entry->descriptor.defaultBaseUrl.isEmpty())
        return ConnectWizard::OptionsPageId;
    return ConnectWizard::CredentialsPageId;
}

// ---- Credentials --------------------------------------------------------------------------

QString WizardCredentialsPage::Field::value() const
{
    return line ? line->text().trimmed() : text->toPlainText().trimmed();
}

WizardCredentialsPage::WizardCredentialsPage(ConnectWizard *wizard)
    : m_wizard(wizard)
    , m_help(new QLabel)
    , m_form(new QFormLayout)
    , m_error(errorLabel())
{
    setTitle(tr("Credentials"));
    m_help->setWordWrap(true);
    m_help->setOpenExternalLinks(true);
    m_help->setTextFormat(Qt::RichText);
    m_help->setObjectName(QStringLiteral("credentialsHelp"));
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_help);
    layout->addSpacing(6);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(m_error);
}

void WizardCredentialsPage::clearForm()
{
    m_fields.clear();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0); // deletes the row's widgets, m_baseUrl is re-created below
    m_rows.clear();
}

void WizardCredentialsPage::initializePage()
{
    clearForm();
    showError(m_error, {});
    const auto &entry = m_wizard->entry();
    if (!entry)
        return;
    const Conn::ConnectorDescriptor &d = entry->descriptor;
    setSubTitle(m_wizard->isEditing()
                    ? tr("Leave the secret fields empty to keep the ones stored in the system keychain.")
                    : tr("Secrets are stored in the system keychain only, never in Burnrate's files."));
    QString help;
    if (!d.helpUrl.isEmpty())
        help = tr("Create the credentials at <a href=\"%1\">%2</a>.")
                   .arg(d.helpUrl.toHtmlEscaped(), QUrl(d.helpUrl).host().toHtmlEscaped());
    if (!d.permissionsHelp.isEmpty())
        help += QStringLiteral(" ") + d.permissionsHelp.toHtmlEscaped();
    m_help->setText(help);
    m_help->setVisible(!help.isEmpty());

    for (const Conn::CredentialField &c : d.credentials) {
        Field field;
        field.key = c.key;
        field.secret = c.secret;
        QWidget *editor = nullptr;
        // Secrets are masked until the user asks to see them.
        auto withShowToggle = [](QWidget *edit, std::function<void(bool)> show) {
            auto *button = new QToolButton;
            button->setText(tr("Show"));
            button->setCheckable(true);
            button->setToolTip(tr("Show or hide the secret"));
            connect(button, &QToolButton::toggled, edit, std::move(show));
            return rowWith(edit, button);
        };
        if (c.multiline) {
            SecretTextEdit *secretText = c.secret ? new SecretTextEdit : nullptr;
            field.text = secretText ? secretText : new QPlainTextEdit;
            field.text->setPlaceholderText(m_wizard->isEditing() && c.secret ? tr("unchanged (stored in the keychain)")
                                                                           : c.placeholder);
            field.text->setTabChangesFocus(true);
            field.text->setMinimumHeight(90);
            field.text->setPlainText(c.secret ? QString() : m_wizard->config().options.value(c.key));
            editor = secretText ? withShowToggle(secretText, [secretText](bool on) { secretText->setMasked(!on); }) : field.text;
        } else {
            field.line = new QLineEdit;
            field.line->setPlaceholderText(m_wizard->isEditing() && c.secret ? tr("unchanged (stored in the keychain)")
                                                                           : c.placeholder);
            if (c.secret) {
                field.line->setEchoMode(QLineEdit::Password);
                editor = withShowToggle(field.line, [line = field.line](bool on) {
                    line->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
                });
            } else {
                field.line->setText(m_wizard->config().options.value(c.key));
                editor = field.line;
            }
        }
        (field.line ? static_cast<QWidget *>(field.line) : field.text)->setObjectName(QStringLiteral("cred_") + c.key);
        if (c.filePath) {
            auto *browse = new QPushButton(tr("From &file\u2026"));
            connect(browse, &QPushButton::clicked, this, [this, field] {
                const QString path = QFileDialog::getOpenFileName(this, tr("Choose the key file"), QDir::homePath(),
                                                                  tr("JSON key (*.json);;All files (*)"));
                if (path.isEmpty())
                    return;
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly)) {
                    showError(m_error, tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
                    return;
                }
                const QString content = QString::fromUtf8(file.readAll());
                if (field.text)
                    field.text->setPlainText(content);
                else
                    field.line->setText(content);
            });
            editor = rowWith(editor, browse);
        }
        m_fields.push_back(field);
        m_form->addRow(c.label + QLatin1Char(':'), withHelp(editor, c.help));
    }
    if (!d.defaultBaseUrl.isEmpty()) {
        m_baseUrl = new QLineEdit;
        m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
        m_baseUrl->setPlaceholderText(d.defaultBaseUrl);
        m_baseUrl->setText(m_wizard->config().baseUrl);
        m_form->addRow(tr("API address:"),
                       withHelp(m_baseUrl, tr("Leave empty for %1. Change only for a proxy or gateway.").arg(d.defaultBaseUrl)));
    } else {
        m_baseUrl = nullptr;
    }
    if (!m_fields.isEmpty())
        (m_fields.first().line ? static_cast<QWidget *>(m_fields.first().line) : m_fields.first().text)->setFocus();
}

void WizardCredentialsPage::cleanupPage()
{
    clearForm();
    m_baseUrl = nullptr;
}

bool WizardCredentialsPage::validatePage()
{
    const auto &entry = m_wizard->entry();
    if (!entry)
        return false;
    const Conn::ConnectorDescriptor &d = entry->descriptor;
    QMap<QString, QString> secrets;
    QList<const Field *> secretFields;
    for (const Field &f : std::as_const(m_fields)) {
        if (f.secret) {
            secrets.insert(f.key, f.value());
            secretFields.push_back(&f);
        } else {
            m_wizard->config().options.insert(f.key, f.value());
        }
    }
    const bool anySecret = std::any_of(secrets.cbegin(), secrets.cend(), [](const QString &v) { return !v.isEmpty(); });
    if (d.needsSecret && !m_wizard->isEditing() && !anySecret) {
        showError(m_error, tr("Enter the %1 credentials to continue.").arg(d.displayName));
        return false;
    }
    // One secret field is stored as it is; several are packed into one keychain entry.
    QString secret;
    if (anySecret)
        secret = secretFields.size() == 1 ? secrets.first() : Conn::packSecret(secrets);
    m_wizard->setSecret(secret);

    const QString baseUrl = m_baseUrl ? m_baseUrl->text().trimmed() : QString();
    const QString problem = WizardText::baseUrlProblem(baseUrl);
    if (!problem.isEmpty()) {
        showError(m_error, problem);
        m_baseUrl->setFocus();
        return false;
    }
    if (const QString again = secretNeededAgain(baseUrl, anySecret); !again.isEmpty()) {
        showError(m_error, again);
        return false;
    }
    m_wizard->config().baseUrl = baseUrl;
    showError(m_error, {});
    return true;
}

QString WizardCredentialsPage::secretNeededAgain(const QString &baseUrl, bool secretEntered) const
{
    // A stored secret is only sent to the host(s) it was entered for (the manager refuses
    // the save otherwise); say so here, where the secret can be entered.
    const auto &entry = m_wizard->entry();
    if (!m_wizard->isEditing() || secretEntered || !entry || !entry->descriptor.needsSecret)
        return {};
    const auto stored = m_wizard->manager()->snapshotAccount(m_wizard->config().id);
    if (!stored)
        return {};
    Conn::AccountConfig next = *stored;
    next.baseUrl = baseUrl;
    // The key itself (a GCP key's token_uri) is unchanged here: the base URL decides.
    return Conn::checkSecretHosts(next, Conn::BoundSecret{{}, Conn::secretHosts(*stored, {})});
}

// ---- Options ------------------------------------------------------------------------------

QString WizardOptionsPage::Field::value() const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentText().trimmed();
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return QString::number(spin->value());
    return static_cast<QLineEdit *>(editor)->text().trimmed();
}

WizardOptionsPage::WizardOptionsPage(ConnectWizard *wizard)
    : m_wizard(wizard)
    , m_body(nullptr)
    , m_form(nullptr)
    , m_error(errorLabel())
{
    setTitle(tr("Options"));
    setSubTitle(tr("What to read and how far back. The defaults suit most accounts."));
    auto *layout = new QVBoxLayout(this);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("optionsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_error);
}

void WizardOptionsPage::initializePage()
{
    auto *scroll = findChild<QScrollArea *>(QStringLiteral("optionsScroll"));
    m_body = new QWidget;
    m_form = new QFormLayout(m_body);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    scroll->setWidget(m_body); // deletes the previous body
    m_fields.clear();
    showError(m_error, {});
    const auto &entry = m_wizard->entry();
    if (!entry)
        return;
    const Conn::ConnectorDescriptor &d = entry->descriptor;
    const auto &current = m_wizard->config().options;
    bool hasHistory = false;
    for (const Conn::OptionField &o : d.options) {
        Field field;
        field.key = o.key;
        field.directory = o.directory;
        const QString value = current.contains(o.key) ? current.value(o.key) : o.defaultValue;
        hasHistory = hasHistory || o.key == kHistoryKey;
        QWidget *row = nullptr;
        if (!o.choices.isEmpty()) {
            auto *combo = new QComboBox;
            combo->addItems(o.choices);
            combo->setCurrentIndex(std::max(0, static_cast<int>(o.choices.indexOf(value))));
            field.editor = row = combo;
        } else {
            auto *line = new QLineEdit(value);
            line->setPlaceholderText(o.defaultValue);
            field.editor = row = line;
            if (o.directory) {
                auto *browse = new QPushButton(tr("&Browse\u2026"));
                connect(browse, &QPushButton::clicked, this, [this, line] {
                    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of FOCUS exports"),
                                                                          line->text().isEmpty() ? QDir::homePath() : line->text());
                    if (!dir.isEmpty())
                        line->setText(QDir::toNativeSeparators(dir));
                });
                row = rowWith(line, browse);
            }
        }
        field.editor->setObjectName(QStringLiteral("opt_") + o.key);
        m_fields.push_back(field);
        m_form->addRow(o.label + QLatin1Char(':'), withHelp(row, o.help));
    }
    if (!hasHistory && d.mode != Conn::SyncMode::Bucket) { // an export bucket has no "how far back"
        auto *days = new QSpinBox;
        days->setRange(1, 3 * 366);
        days->setSuffix(tr(" days"));
        days->setValue(current.value(kHistoryKey, QString::number(d.defaultHistoryDays)).toInt());
        days->setObjectName(QStringLiteral("opt_") + kHistoryKey);
        m_fields.push_back(Field{kHistoryKey, false, days});
        m_form->addRow(tr("First sync goes back:"),
                       withHelp(days, tr("Later syncs fetch only new days plus the last %n day(s) the provider may "
                                         "still revise.", nullptr, d.restatementDays)));
    }
}

bool WizardOptionsPage::validatePage()
{
    for (const Field &f : std::as_const(m_fields)) {
        const QString value = f.value();
        if (f.directory && (value.isEmpty() || !QFileInfo(value).isDir())) {
            showError(m_error, value.isEmpty() ? tr("Choose the folder that holds the FOCUS exports.")
                                               : tr("The folder %1 does not exist.").arg(value));
            return false;
        }
        if (f.key == kHistoryKey && value.toInt() <= 0) {
            showError(m_error, tr("The first sync must go back at least one day."));
            return false;
        }
        if (value.isEmpty())
            m_wizard->config().options.remove(f.key);
        else
            m_wizard->config().options.insert(f.key, value);
    }
    showError(m_error, {});
    return true;
}
