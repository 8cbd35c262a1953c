#pragma once

#include "format/palette.h"

#include <QString>

class QFrame;
class QLabel;
class QWidget;

/// Applies the colour table (models/format/palette) to widgets: the few stylesheets the app needs
/// are built here, in one place, from Palette::current(); pages call these helpers instead of
/// writing a stylesheet or a colour. Every styled widget remembers what it asked for, so a change
/// of the application palette (light <-> dark) restyles it. GUI thread.
namespace Style {

/// The stylesheets of whole widgets (their selectors match the object names those widgets set).
enum class Sheet {
    Window,          ///< MainWindow: canvas, page title
    Sidebar,         ///< MainWindow's sidebar: its background, brand and navigation (set on the sidebar only)
    KpiTile,         ///< an Overview KPI tile and its caption / value labels
    SpendCard,       ///< a spend page card, its title, subtitle and tool buttons
    BreakdownTable,  ///< the spend pages' breakdown table
    Breadcrumbs,     ///< the spend filter breadcrumbs
    FilterBar,       ///< the spend filter combo boxes
    Switch,          ///< a segmented pair of tool buttons (By provider: provider / service)
    PrimaryButton,   ///< the one main action of an empty state
    SecondaryButton, ///< its alternative
    Table,           ///< a plain bordered table (simulator results)
};

/// Coloured boxes that carry a message.
enum class Banner { Error, Info, Warning };

/// A label's text look: a colour role, a size (0 keeps the font's), bold, and extra layout CSS.
struct Text {
    Palette::Role colour = Palette::Role::Text;
    double points = 0;
    bool bold = false;
    const char *extra = nullptr; ///< padding and the like — never a colour
};

inline constexpr Text kBody{Palette::Role::Text};
inline constexpr Text kStrong{Palette::Role::Text, 0, true};
inline constexpr Text kMuted{Palette::Role::MutedText};
inline constexpr Text kSecondary{Palette::Role::SecondaryText};
inline constexpr Text kCaption{Palette::Role::MutedText, 9};
inline constexpr Text kCardTitle{Palette::Role::Text, 12, true};
inline constexpr Text kHeading{Palette::Role::Text, 16, true};
inline constexpr Text kError{Palette::Role::Negative};
inline constexpr Text kPageError{Palette::Role::Negative, 11};
inline constexpr Text kPlaceholder{Palette::Role::FaintText, 11, false, "background: transparent;"};

/// The look the user chose (View → Theme): follow the desktop's palette, or always light or dark.
enum class Theme { System, Light, Dark };

/// Sets the application's look once: the theme BURNRATE_THEME names (light, dark or system),
/// else the one saved by setTheme(), else System; a dark QPalette when the variant is dark, and
/// restyling of every styled widget (and chart) when the application palette changes later.
void install();
/// Switches to `theme` at once and remembers it for the next start (QSettings "view/theme").
void setTheme(Theme theme);
/// The theme in force.
Theme theme();
/// Adds the Theme submenu to `view`: one checkable action per theme, the one in force checked.
void addThemeMenu(QMenu *view);
/// Builds the stylesheet `sheet` from `palette` (exposed for tests).
QString sheetText(Sheet sheet, const Palette &palette);

/// Gives `widget` the stylesheet `sheet`.
void apply(QWidget *widget, Sheet sheet);
/// Gives `widget` (a label or a group box) the text look `text`.
void text(QWidget *widget, const Text &text);
/// A hint or caption: muted text, at `points` when given.
void mutedLabel(QLabel *label, double points = 0);
/// `frame` as a card (card background, border, rounded corners of `radius` px).
void card(QFrame *frame, int radius = 8);
/// `frame` as a banner of `kind`.
void banner(QFrame *frame, Banner kind);
/// Removes what the helpers above set on `widget`.
void clear(QWidget *widget);
/// Re-applies every helper call recorded on `root` and its children from Palette::current().
void refresh(QWidget *root);

/// `designPoints` scaled to the desktop's font size. The sizes in this table and in the pages are
/// designed for a 9 pt application font (Qt's default); a desktop set to 11 pt gets every one of
/// them 11/9 larger, so text follows the user's font setting, not only the body text.
double points(double designPoints);
/// `css` (a stylesheet or rich text) with every "font-size: Npt" (or "font-size:Npt") scaled by points().
QString scaledFontSizes(QString css);

/// Palette::current().colour(role).
QColor colour(Palette::Role role);
/// Palette::current().css(role), for rich text ("<span style='color:%1'>").
QString css(Palette::Role role);

} // namespace Style
