#pragma once

#include "telemetry/usage.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
namespace Task {
class Runner;
}

/// Which span or resource attributes name the feature, team and user of a model call (the
/// telemetry mapping, `burnrate telemetry mapping`): one line per key, attribute names in order of
/// preference, comma-separated; Restore defaults; OK checks and stores them (off the GUI thread)
/// and closes, or says what is wrong and stays open. Applies to calls received or imported from
/// then on.
class MappingDialog : public QDialog {
    Q_OBJECT
public:
    explicit MappingDialog(const QString &dbPath, QWidget *parent = nullptr);
    ~MappingDialog() override;

    QLineEdit *featureEdit() const { return m_feature; }
    QLineEdit *teamEdit() const { return m_team; }
    QLineEdit *userEdit() const { return m_user; }
    QLabel *statusLabel() const { return m_status; }
    /// True once the stored mapping is shown.
    bool isLoaded() const { return m_loaded; }

    void accept() override;

Q_SIGNALS:
    /// The mapping was stored.
    void saved();

private:
    void showMapping(const Telemetry::Mapping &mapping);

    QString m_dbPath;
    QLineEdit *m_feature;
    QLineEdit *m_team;
    QLineEdit *m_user;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    Task::Runner *m_runner;
    bool m_loaded = false;
};
