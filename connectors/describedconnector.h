#pragma once

#include "connectorregistry.h"

namespace Conn {

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

/// The registry entry of connector class `C`: its static descriptor and a factory.
template<typename C>
ConnectorEntry connectorEntry()
{
    return {C::staticDescriptor(), [](QObject *parent) -> Connector * { return new C(parent); }};
}

} // namespace Conn
