#pragma once

#include "connectorregistry.h"

namespace Conn {

// Building blocks of a makeDescriptor().

/// A descriptor with its id, display name and description; the rest keeps the defaults.
ConnectorDescriptor describe(const QString &id, const QString &displayName, const QString &description);
/// A secret, single-line credential field.
CredentialField secretField(const char *key, const QString &label, const QString &help, const QString &placeholder = {});
/// A credential field that is not secret (kept with the options in SQLite), single-line.
CredentialField plainField(const char *key, const QString &label, const QString &help, const QString &placeholder = {});
/// An option field (key, label, help, default, choices).
OptionField optionField(const char *key, const QString &label, const QString &help, const QString &def = {},
                        const QStringList &choices = {});

/// The descriptor plumbing every built-in connector shares. `Derived` supplies
/// `static ConnectorDescriptor makeDescriptor()`; it is built once (thread-safe static) and
/// answers both staticDescriptor() (registry, sync planning) and descriptor(). `Base` is the
/// Connector subclass that does the work (Connector, AdminReportConnector, OAuthPagedConnector).
/// Derived declares Q_OBJECT itself (its tr() context stays its own class name).
template<typename Derived, typename Base = Connector>
class DescribedConnector : public Base {
public:
    using Base::Base;

    static const ConnectorDescriptor &staticDescriptor()
    {
        static const ConnectorDescriptor d = Derived::makeDescriptor();
        return d;
    }
    const ConnectorDescriptor &descriptor() const override { return staticDescriptor(); }
};

/// The registry entry of connector class `C`: its static descriptor, a factory, and C::secretUrls
/// (`static QStringList secretUrls(const AccountConfig &, const QString &secret)`) when C has one.
template<typename C>
ConnectorEntry connectorEntry()
{
    ConnectorEntry e{C::staticDescriptor(), [](QObject *parent) -> Connector * { return new C(parent); }};
    if constexpr (requires { &C::secretUrls; })
        e.secretHosts = &C::secretUrls;
    return e;
}

} // namespace Conn
