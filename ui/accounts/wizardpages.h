#pragma once

#include <QList>
#include <QWizardPage>

class ConnectWizard;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QWidget;

/// Step 1: which source, and the account's name.
class WizardSourcePage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardSourcePage(ConnectWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    void onSourceChanged();
    QString suggestedName(const QString &displayName) const;

    ConnectWizard *m_wizard;
    QListWidget *m_sources;
    QLabel *m_description;
    QLineEdit *m_name;
    QLabel *m_error;
    QString m_autoName; ///< the name we suggested (replaced when the source changes)
};

/// Step 2: the credentials the connector asks for, with a link to where they are created.
/// Built from the connector's descriptor each time the page is entered.
class WizardCredentialsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardCredentialsPage(ConnectWizard *wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;

private:
    /// Editing: the message when `baseUrl` sends the stored secret to a host it was not entered for
    /// and no new secret was entered; else empty.
    QString secretNeededAgain(const QString &baseUrl, bool secretEntered) const;

    struct Field {
        QString key;
        bool secret = false;
        QLineEdit *line = nullptr;
        QPlainTextEdit *text = nullptr;
        QString value() const;
    };
    void clearForm();

    ConnectWizard *m_wizard;
    QLabel *m_help;
    QFormLayout *m_form;
    QLineEdit *m_baseUrl = nullptr; // in the form while the provider has a base URL
    QLabel *m_error;
    QList<Field> m_fields;
    QList<QWidget *> m_rows;
};

/// Step 3: the connector's options (projects, workspaces, scope, group-by, how far back).
class WizardOptionsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardOptionsPage(ConnectWizard *wizard);
    void initializePage() override;
    bool validatePage() override;

private:
    struct Field {
        QString key;
        bool directory = false;
        QWidget *editor = nullptr;
        QString value() const;
    };

    ConnectWizard *m_wizard;
    QWidget *m_body;
    QFormLayout *m_form;
    QLabel *m_error;
    QList<Field> m_fields;
};
