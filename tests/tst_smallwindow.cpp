// Issue #23 item 6: every page at 1000x650 (the size `burnrate screenshot --size 1000x650` renders),
// and at the usual 1440x900, shows the numbers and choices that matter in full: no KPI value,
// filter box, bar name, legend entry or axis label elided or cut. Layouts may wrap or scroll;
// they must not cut the text the user reads.
// With BURNRATE_SCREENSHOT_DIR set, each page is also saved as <page>-<W>x<H>.png.
#include "domain/timeparse.h"
#include "guitestmain.h"
#include "overview/kpitile.h"
#include "shell/mainwindow.h"
#include "shell/page.h"
#include "shell/screenshot.h"
#include "testsupport.h"

#include <QCategoryAxis>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTemporaryDir>
#include <QTest>


namespace {

const QSize kSmall(1000, 650);
const QSize kUsual(1440, 900); // the README's screenshots

// What does not fit on `page`, one line per problem.
QStringList clipped(QWidget &window, Page &page)
{
    QStringList problems;
    for (KpiTile *tile : page.findChildren<KpiTile *>()) {
        if (!tile->isVisibleTo(&window))
            continue;
        auto *value = tile->findChild<QLabel *>(QStringLiteral("kpiValue"));
        const int needed = value->fontMetrics().horizontalAdvance(tile->value());
        if (value->text() != tile->value() || needed > value->contentsRect().width())
            problems << QStringLiteral("KPI '%1': '%2' shown as '%3' (%4 px needed, %5 px wide)")
                            .arg(tile->caption(), tile->value(), value->text())
                            .arg(needed)
                            .arg(value->contentsRect().width());
    }
    for (QComboBox *box : window.findChildren<QComboBox *>()) {
        if (!box->isVisibleTo(&window) || box->currentText().isEmpty())
            continue;
        QStyleOptionComboBox option;
        option.initFrom(box);
        option.editable = box->isEditable();
        const QRect field = box->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box);
        const int needed = box->fontMetrics().horizontalAdvance(box->currentText());
        if (needed > field.width())
            problems << QStringLiteral("combo box '%1': '%2' needs %3 px, its field is %4 px")
                            .arg(box->objectName(), box->currentText())
                            .arg(needed)
                            .arg(field.width());
    }
    // A legend without room draws its last entries outside the chart, and an axis label centred
    // on the last tick hangs over the edge: every text a chart draws lies inside its view.
    for (QChartView *view : page.findChildren<QChartView *>()) {
        if (!view->isVisibleTo(&window))
            continue;
        // Two pixels of slack: a label's box includes the font's leading above the glyphs.
        const QRect shown = view->viewport()->rect().adjusted(-2, -2, 2, 2);
        for (QGraphicsItem *item : view->scene()->items()) {
            const auto *label = dynamic_cast<QGraphicsTextItem *>(item);
            if (!label || !label->isVisible() || label->toPlainText().isEmpty())
                continue;
            const qreal margin = label->document()->documentMargin(); // blank around the glyphs
            const QRectF text = label->sceneBoundingRect().adjusted(margin, margin, -margin, -margin);
            if (!shown.contains(view->mapFromScene(text).boundingRect()))
                problems << QStringLiteral("chart '%1': '%2' lies outside its %3 x %4 view (%5,%6 %7x%8)")
                                .arg(view->objectName(), label->toPlainText())
                                .arg(shown.width())
                                .arg(shown.height())
                                .arg(view->mapFromScene(text).boundingRect().x())
                                .arg(view->mapFromScene(text).boundingRect().y())
                                .arg(view->mapFromScene(text).boundingRect().width())
                                .arg(view->mapFromScene(text).boundingRect().height());
        }
        // A bar's name (a model) shown whole, not "claud…onnet".
        for (QAbstractAxis *axis : view->chart()->axes())
            if (auto *categories = qobject_cast<QCategoryAxis *>(axis))
                for (const QString &name : categories->categoriesLabels())
                    if (name.contains(QChar(0x2026)))
                        problems << QStringLiteral("chart '%1': axis label '%2' elided").arg(view->objectName(), name);
    }
    return problems;
}

} // namespace

class TestSmallWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_demo = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_demo, Cost::daysFromCivil(2026, 12, 5), 180, &error), error.c_str());
    }

    void everyPageFitsTheSmallWindow_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QSize>("size");
        for (const QSize &size : {kSmall, kUsual})
            for (const QString &id : MainWindow::pageIds())
                QTest::addRow("%s %dx%d", qPrintable(id), size.width(), size.height()) << id << size;
    }

    void everyPageFitsTheSmallWindow()
    {
        QFETCH(QString, page);
        QFETCH(QSize, size);
        QStringList problems;
        QString error;
        const bool shown = Ui::withLoadedPage(m_demo, page, size, [&](MainWindow &window, Page &target, QString *) {
            problems = clipped(window, target);
            // A label or row that cannot shrink would widen the window past the size asked for.
            if (window.width() > size.width())
                problems << QStringLiteral("the window grew to %1 px wide").arg(window.width());
            const QString dir = qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR");
            if (!dir.isEmpty())
                window.grab().save(QStringLiteral("%1/%2-%3x%4.png").arg(dir, page).arg(size.width()).arg(size.height()));
            return true;
        }, &error);
        QVERIFY2(shown, qPrintable(error));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

BURNRATE_GUI_TEST_MAIN(TestSmallWindow)
#include "tst_smallwindow.moc"
