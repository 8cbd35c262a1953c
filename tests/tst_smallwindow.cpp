// Issue #23 item 6: every page at 1000x650 (the size `burnrate screenshot --size 1000x650` renders)
// shows the numbers and choices that matter in full: no KPI value, filter box or breakdown
// name elided. Layouts may wrap or scroll; they must not cut the text the user reads.
// With BURNRATE_SCREENSHOT_DIR set, each page is also saved as <page>-1000x650.png.
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
#include <QLegend>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace {

const QSize kSmall(1000, 650);

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
    // A legend without room draws its last entries outside the chart, where nobody sees them.
    for (QChartView *view : page.findChildren<QChartView *>()) {
        QLegend *legend = view->chart()->legend();
        if (!view->isVisibleTo(&window))
            continue;
        const QRect shown = view->viewport()->rect();
        std::function<void(QGraphicsItem *)> check = [&](QGraphicsItem *item) {
            for (QGraphicsItem *child : item->childItems()) {
                const auto *label = dynamic_cast<QGraphicsTextItem *>(child);
                if (label && label->isVisible() && !label->toPlainText().isEmpty()
                    && !shown.contains(view->mapFromScene(label->sceneBoundingRect()).boundingRect()))
                    problems << QStringLiteral("chart '%1': legend entry '%2' lies outside its %3 px high view")
                                    .arg(view->objectName(), label->toPlainText())
                                    .arg(shown.height());
                check(child);
            }
        };
        if (legend->isVisible())
            check(legend);
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
        for (const QString &id : MainWindow::pageIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void everyPageFitsTheSmallWindow()
    {
        QFETCH(QString, page);
        QStringList problems;
        QString error;
        const bool shown = Ui::withLoadedPage(m_demo, page, kSmall, [&](MainWindow &window, Page &target, QString *) {
            problems = clipped(window, target);
            // A label or row that cannot shrink would widen the window past the size asked for.
            if (window.width() > kSmall.width())
                problems << QStringLiteral("the window grew to %1 px wide").arg(window.width());
            const QString dir = qEnvironmentVariable("BURNRATE_SCREENSHOT_DIR");
            if (!dir.isEmpty())
                window.grab().save(QStringLiteral("%1/%2-1000x650.png").arg(dir, page));
            return true;
        }, &error);
        QVERIFY2(shown, qPrintable(error));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

BURNRATE_GUI_TEST_MAIN(TestSmallWindow)
#include "tst_smallwindow.moc"
