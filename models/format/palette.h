#pragma once

#include <QColor>
#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

class QPalette;

/// The one colour table of Burnrate: every colour the window, its charts and the report use, by
/// role, in a LIGHT and a DARK variant. Pages never write a colour; they ask for a role
/// (`Palette::current().colour(Palette::Role::MutedText)`), and ui/shell/style builds the few
/// stylesheets from it. The report always prints the light variant (paper is white).
/// light()/dark()/of() are immutable and safe on any thread; current() reads the application's
/// QPalette and belongs on the GUI thread (elsewhere it answers the explicit choice or light).
class Palette {
public:
    enum class Variant { Light, Dark };

    enum class Role {
        // Text
        Text,          ///< headings, values, body text
        SecondaryText, ///< explanations and captions that must stay readable
        ChartText,     ///< legend labels and bar names on charts
        MutedText,     ///< hints, subtitles, axis labels
        FaintText,     ///< placeholders ("nothing to show"), separators
        DisabledText,  ///< disabled controls and hidden series' legend labels
        Link,          ///< clickable text (breadcrumbs)
        Positive,      ///< good news: spend down, check passed
        Negative,      ///< bad news and errors: spend up, failed checks
        Warning,       ///< warnings and notes (mixed currencies, unpriced rows)
        Caution,       ///< between good and bad (a budget at risk)
        // Surfaces
        Canvas,        ///< the page background behind the cards
        Card,          ///< cards, tables, chart backgrounds
        Border,        ///< card and table borders
        ControlBorder, ///< buttons and combo boxes
        ControlHoverBorder,
        Hover,         ///< a hovered control's fill
        AlternateRow,
        Selection,
        Accent,        ///< primary buttons, checked toggles, the selected navigation item
        AccentHover,
        AccentSoft,    ///< an active filter's fill
        AccentText,    ///< text on AccentSoft
        OnAccent,      ///< text on Accent
        Sidebar,
        SidebarText,
        SidebarHover,
        SidebarBrand,
        // Banners
        ErrorBanner, ErrorBannerBorder, ErrorBannerText,
        InfoBanner, InfoBannerBorder, InfoBannerText,
        WarningBanner, WarningBannerBorder, WarningBannerText,
        // Charts
        Grid,
        AxisLine,
        Series0, Series1, Series2, Series3, Series4, Series5, Series6, Series7, Series8, Series9,
        SeriesOther,   ///< the "Other" bucket
        Actual,        ///< the known line of a forecast or burn-down
        Forecast,      ///< the forecast line; its bands are this colour, translucent
        Budget,        ///< a budget's line; over budget
        Threshold,     ///< a budget's threshold lines
        Expected,      ///< the anomaly detector's expected value
        BandFill,      ///< the anomaly detector's alert band (translucent)
        Flag,          ///< flagged anomaly points
        Highlight,     ///< the selected anomaly's window (translucent)
        Increase,      ///< a cost that went up (anomalies, movers)
        Decrease,      ///< a cost that went down
        // Printed tables (report)
        Rule, TableStripe, TableHeader,
    };
    static constexpr int kRoleCount = static_cast<int>(Role::TableHeader) + 1;
    static constexpr int kSeriesCount = 10;

    /// The light variant (also the report's).
    static const Palette &light();
    /// The dark variant.
    static const Palette &dark();
    /// The variant `variant`.
    static const Palette &of(Variant variant);
    /// The window's palette: the explicit choice when one is set, otherwise dark exactly when the
    /// application's QPalette has a dark window colour. GUI thread.
    static const Palette &current();
    /// Pins current() to `variant`, or lets it follow the application's QPalette again (nullopt).
    static void setPreferred(std::optional<Variant> variant);
    /// The explicit choice, if any.
    static std::optional<Variant> preferred();
    /// Dark when `palette`'s window colour is dark.
    static Variant variantOf(const QPalette &palette);

    /// Which variant this is.
    Variant variant() const { return m_variant; }
    /// The colour of `role` (some chart roles carry alpha).
    QColor colour(Role role) const;
    /// `role` as CSS for stylesheets and rich text: "#rrggbb", or "rgba(r, g, b, a)" with alpha.
    QString css(Role role) const;
    /// The colour of the series ranked `index` (0 = largest); "Other" is always SeriesOther.
    QColor series(int index, bool other = false) const;

    /// Every role, in declaration order.
    static QList<Role> roles();
    /// The role's name as written in stylesheet templates ("MutedText").
    static QString roleName(Role role);
    /// The role called `name`, or nullopt.
    static std::optional<Role> roleNamed(const QString &name);
    /// Text roles with the surface they are drawn on: each pair must stay readable.
    static std::vector<std::pair<Role, Role>> textOnSurface();
    /// The WCAG contrast ratio of two colours (1 to 21).
    static double contrastRatio(const QColor &a, const QColor &b);

private:
    explicit Palette(Variant variant);

    Variant m_variant;
    std::vector<QColor> m_colours;
};
