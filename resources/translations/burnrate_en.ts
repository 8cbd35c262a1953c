<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsPage</name>
    <message numerus="yes">
        <source>%1: cancelled, %n complete window(s) kept</source>
        <translation>
            <numerusform>%1: cancelled, %n complete window kept</numerusform>
            <numerusform>%1: cancelled, %n complete windows kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n model calls</source>
        <translation>
            <numerusform>%n model call</numerusform>
            <numerusform>%n model calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the application telemetry; %n added by the last sync</source>
        <translation>
            <numerusform>In the application telemetry; %n added by the last sync</numerusform>
            <numerusform>In the application telemetry; %n added by the last sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Analytics::ForecastView</name>
    <message numerus="yes">
        <source>%1 will end at %2, between %3 and %4 (80% range; 95%: %5 to %6). %7 spent so far, %n day(s) to go.</source>
        <translation>
            <numerusform>%1 will end at %2, between %3 and %4 (80% range; 95%: %5 to %6). %7 spent so far, %n day to go.</numerusform>
            <numerusform>%1 will end at %2, between %3 and %4 (80% range; 95%: %5 to %6). %7 spent so far, %n days to go.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, measured on %n past forecast(s).</source>
        <translation>
            <numerusform>, measured on %n past forecast.</numerusform>
            <numerusform>, measured on %n past forecasts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnomaliesPage</name>
    <message numerus="yes">
        <source>%n anomalies in this range, %1 not reviewed. Largest: %2.</source>
        <translation>
            <numerusform>%n anomaly in this range, %1 not reviewed. Largest: %2.</numerusform>
            <numerusform>%n anomalies in this range, %1 not reviewed. Largest: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnomalyScanner</name>
    <message numerus="yes">
        <source>%n more cost anomalies found</source>
        <translation>
            <numerusform>%n more cost anomaly found</numerusform>
            <numerusform>%n more cost anomalies found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnomalyText</name>
    <message numerus="yes">
        <source>%1 (%n days)</source>
        <translation>
            <numerusform>%1 (%n day)</numerusform>
            <numerusform>%1 (%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n h)</source>
        <translation>
            <numerusform>%1 (%n h)</numerusform>
            <numerusform>%1 (%n h)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::AdminReportConnector</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n record(s) outside the window dropped</source>
        <translation>
            <numerusform>, %n record outside the window dropped</numerusform>
            <numerusform>, %n records outside the window dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) fetched</source>
        <translation>
            <numerusform>%n page fetched</numerusform>
            <numerusform>%n pages fetched</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::AzureConnector</name>
    <message numerus="yes">
        <source>Azure asks to wait %n second(s) before the next query.</source>
        <translation>
            <numerusform>Azure asks to wait %n second before the next query.</numerusform>
            <numerusform>Azure asks to wait %n seconds before the next query.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected to Azure Cost Management: the service principal can read costs (%n charge(s) yesterday).</source>
        <translation>
            <numerusform>Connected to Azure Cost Management: the service principal can read costs (%n charge yesterday).</numerusform>
            <numerusform>Connected to Azure Cost Management: the service principal can read costs (%n charges yesterday).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::FocusBucketConnector</name>
    <message numerus="yes">
        <source>%n manifest(s)</source>
        <translation>
            <numerusform>%n manifest</numerusform>
            <numerusform>%n manifests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CSV object(s)</source>
        <translation>
            <numerusform>%n CSV object</numerusform>
            <numerusform>%n CSV objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::GcpConnector</name>
    <message numerus="yes">
        <source>Connected to BigQuery: the billing export answered (%n row(s) yesterday).</source>
        <translation>
            <numerusform>Connected to BigQuery: the billing export answered (%n row yesterday).</numerusform>
            <numerusform>Connected to BigQuery: the billing export answered (%n rows yesterday).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::HuggingFaceConnector</name>
    <message numerus="yes">
        <source>The token can list the %n endpoint(s) of &quot;%1&quot;.</source>
        <translation>
            <numerusform>The token can list the %n endpoint of &quot;%1&quot;.</numerusform>
            <numerusform>The token can list the %n endpoints of &quot;%1&quot;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::OAuthPagedConnector</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::SyncWorker</name>
    <message numerus="yes">
        <source>Stored: %n complete file(s); the next sync continues with the others.</source>
        <translation>
            <numerusform>Stored: %n complete file; the next sync continues with the others.</numerusform>
            <numerusform>Stored: %n complete files; the next sync continues with the others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stored: %1 (%n complete window(s)).</source>
        <translation>
            <numerusform>Stored: %1 (%n complete window).</numerusform>
            <numerusform>Stored: %1 (%n complete windows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync cancelled; %n complete window(s) stored.</source>
        <translation>
            <numerusform>Sync cancelled; %n complete window stored.</numerusform>
            <numerusform>Sync cancelled; %n complete windows stored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractsDialog</name>
    <message numerus="yes">
        <source>%n negotiated price(s)</source>
        <translation>
            <numerusform>%n negotiated price</numerusform>
            <numerusform>%n negotiated prices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n credit</numerusform>
            <numerusform>%n credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n commitment(s)</source>
        <translation>
            <numerusform>%n commitment</numerusform>
            <numerusform>%n commitments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contract(s) to %1.</source>
        <translation>
            <numerusform>Exported %n contract to %1.</numerusform>
            <numerusform>Exported %n contracts to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cost::ImportJob</name>
    <message numerus="yes">
        <source>Generating %n days of demo charges</source>
        <translation>
            <numerusform>Generating %n day of demo charges</numerusform>
            <numerusform>Generating %n days of demo charges</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverageNote</name>
    <message numerus="yes">
        <source>%n day(s) flagged: telemetry over the bill, or an instrumented model with none reported (burnrate coverage lists them).</source>
        <translation>
            <numerusform>%n day flagged: telemetry over the bill, or an instrumented model with none reported (burnrate coverage lists them).</numerusform>
            <numerusform>%n days flagged: telemetry over the bill, or an instrumented model with none reported (burnrate coverage lists them).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Endpoints</name>
    <message numerus="yes">
        <source>Endpoint cost %1 across %n endpoint(s), of which %2 idle (%3)</source>
        <translation>
            <numerusform>Endpoint cost %1 across %n endpoint, of which %2 idle (%3)</numerusform>
            <numerusform>Endpoint cost %1 across %n endpoints, of which %2 idle (%3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EstimateView</name>
    <message numerus="yes">
        <source>Billed %1 for priced usage, catalog estimate %2: gap %3 (%4). %n model(s) flagged</source>
        <translation>
            <numerusform>Billed %1 for priced usage, catalog estimate %2: gap %3 (%4). %n model flagged</numerusform>
            <numerusform>Billed %1 for priced usage, catalog estimate %2: gap %3 (%4). %n models flagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) flagged.</source>
        <translation>
            <numerusform>, %n day flagged.</numerusform>
            <numerusform>, %n days flagged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) away from the usual daily gap of %1.</source>
        <translation>
            <numerusform>, %n day away from the usual daily gap of %1.</numerusform>
            <numerusform>, %n days away from the usual daily gap of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>Cancelled. The %n file(s) imported before it are kept.</source>
        <translation>
            <numerusform>Cancelled. The %n file imported before it are kept.</numerusform>
            <numerusform>Cancelled. The %n files imported before it are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) imported: %1 rows imported, %2 skipped, %3 replaced.</source>
        <translation>
            <numerusform>%n file imported: %1 rows imported, %2 skipped, %3 replaced.</numerusform>
            <numerusform>%n files imported: %1 rows imported, %2 skipped, %3 replaced.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n file(s) before it were imported.</source>
        <translation>
            <numerusform>The %n file before it were imported.</numerusform>
            <numerusform>The %n files before it were imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageCursorGuard</name>
    <message numerus="yes">
        <source>%1 sent the same page cursor twice; stopped after %n page(s).</source>
        <translation>
            <numerusform>%1 sent the same page cursor twice; stopped after %n page.</numerusform>
            <numerusform>%1 sent the same page cursor twice; stopped after %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 kept sending more pages; stopped after %n page(s).</source>
        <translation>
            <numerusform>%1 kept sending more pages; stopped after %n page.</numerusform>
            <numerusform>%1 kept sending more pages; stopped after %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiverPanel</name>
    <message numerus="yes">
        <source>Receiving on http://%1/v1/traces · %n model call(s) stored since it started</source>
        <translation>
            <numerusform>Receiving on http://%1/v1/traces · %n model call stored since it started</numerusform>
            <numerusform>Receiving on http://%1/v1/traces · %n model calls stored since it started</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecommendationsPage</name>
    <message numerus="yes">
        <source>Realised: %1 per month measured on later usage, from %n recommendation(s)</source>
        <translation>
            <numerusform>Realised: %1 per month measured on later usage, from %n recommendation</numerusform>
            <numerusform>Realised: %1 per month measured on later usage, from %n recommendations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Potential savings: %1 per month (%2) from %n open recommendation(s)</source>
        <translation>
            <numerusform>Potential savings: %1 per month (%2) from %n open recommendation</numerusform>
            <numerusform>Potential savings: %1 per month (%2) from %n open recommendations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n suggested limit(s) to %1; Burnrate does not apply them.</source>
        <translation>
            <numerusform>Wrote %n suggested limit to %1; Burnrate does not apply it.</numerusform>
            <numerusform>Wrote %n suggested limits to %1; Burnrate does not apply them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report::AnomalySection</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n spike(s) (%1 above expected in all)</source>
        <translation>
            <numerusform>%n spike (%1 above expected in all)</numerusform>
            <numerusform>%n spikes (%1 above expected in all)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drop(s) (%1 below)</source>
        <translation>
            <numerusform>%n drop (%1 below)</numerusform>
            <numerusform>%n drops (%1 below)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) in this range: %1. An incident usually shows in several series at once (the total, its provider, model, feature and team); its money is counted once, at the highest of them. %2 anomalies in all; %3 were marked expected.</source>
        <translation>
            <numerusform>%n incident in this range: %1. An incident usually shows in several series at once (the total, its provider, model, feature and team); its money is counted once, at the highest of them. %2 anomalies in all; %3 were marked expected.</numerusform>
            <numerusform>%n incidents in this range: %1. An incident usually shows in several series at once (the total, its provider, model, feature and team); its money is counted once, at the highest of them. %2 anomalies in all; %3 were marked expected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more series</source>
        <translation>
            <numerusform>%1 and %n more series</numerusform>
            <numerusform>%1 and %n more series</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report::RecommendationSection</name>
    <message numerus="yes">
        <source>%n open opportunity(ies) in this range&apos;s usage, worth %1 per month (range %2). Each is a one-step scenario priced by the scenario engine on this range (“burnrate recommend” lists them with the scenario “burnrate simulate” takes); where two touch the same traffic, together they save less than their sum.</source>
        <translation>
            <numerusform>%n open opportunity in this range&apos;s usage, worth %1 per month (range %2). It is a one-step scenario priced by the scenario engine on this range (“burnrate recommend” lists it with the scenario “burnrate simulate” takes).</numerusform>
            <numerusform>%n open opportunities in this range&apos;s usage, worth %1 per month (range %2). Each is a one-step scenario priced by the scenario engine on this range (“burnrate recommend” lists them with the scenario “burnrate simulate” takes); where two touch the same traffic, together they save less than their sum.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report::TelemetrySection</name>
    <message numerus="yes">
        <source>Telemetry accounts for %1 of the billed tokens in this range; %n day(s) flagged (telemetry over the bill by more than 1%, or billed tokens with none reported, for a model the applications report on).</source>
        <translation>
            <numerusform>Telemetry accounts for %1 of the billed tokens in this range; %n day flagged (telemetry over the bill by more than 1%, or billed tokens with none reported, for a model the applications report on).</numerusform>
            <numerusform>Telemetry accounts for %1 of the billed tokens in this range; %n days flagged (telemetry over the bill by more than 1%, or billed tokens with none reported, for a model the applications report on).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenarioResultView</name>
    <message numerus="yes">
        <source>&lt;div style=&apos;color:%8; font-size:9pt;&apos;&gt;Over %1 – %2 (%n day(s))&lt;/div&gt;&lt;div style=&apos;color:%9; font-size:10pt;&apos;&gt;Baseline %3 (billed %4)&lt;br&gt;Scenario %5 (range %6), %7 saved&lt;/div&gt;</source>
        <translation>
            <numerusform>&lt;div style=&apos;color:%8; font-size:9pt;&apos;&gt;Over %1 – %2 (%n day)&lt;/div&gt;&lt;div style=&apos;color:%9; font-size:10pt;&apos;&gt;Baseline %3 (billed %4)&lt;br&gt;Scenario %5 (range %6), %7 saved&lt;/div&gt;</numerusform>
            <numerusform>&lt;div style=&apos;color:%8; font-size:9pt;&apos;&gt;Over %1 – %2 (%n days)&lt;/div&gt;&lt;div style=&apos;color:%9; font-size:10pt;&apos;&gt;Baseline %3 (billed %4)&lt;br&gt;Scenario %5 (range %6), %7 saved&lt;/div&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message numerus="yes">
        <source>Self-host %1 of %2 on %n GPU(s)</source>
        <translation>
            <numerusform>Self-host %1 of %2 on %n GPU</numerusform>
            <numerusform>Self-host %1 of %2 on %n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scale %1, at least %n replica(s), %2 requests each</source>
        <translation>
            <numerusform>Scale %1, at least %n replica, %2 requests each</numerusform>
            <numerusform>Scale %1, at least %n replicas, %2 requests each</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardOptionsPage</name>
    <message numerus="yes">
        <source>Later syncs fetch only new days plus the last %n day(s) the provider may still revise.</source>
        <translation>
            <numerusform>Later syncs fetch only new days plus the last %n day the provider may still revise.</numerusform>
            <numerusform>Later syncs fetch only new days plus the last %n days the provider may still revise.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardSyncPage</name>
    <message numerus="yes">
        <source>✓ Synced: %1 charges in %n window(s).</source>
        <translation>
            <numerusform>✓ Synced: %1 charges in %n window.</numerusform>
            <numerusform>✓ Synced: %1 charges in %n windows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync cancelled. %n complete window(s) kept; the next sync continues from there.</source>
        <translation>
            <numerusform>Sync cancelled. %n complete window kept; the next sync continues from there.</numerusform>
            <numerusform>Sync cancelled. %n complete windows kept; the next sync continues from there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Synced: %1 model calls added to the telemetry in %n window(s).</source>
        <translation>
            <numerusform>✓ Synced: %1 model calls added to the telemetry in %n window.</numerusform>
            <numerusform>✓ Synced: %1 model calls added to the telemetry in %n windows.</numerusform>
        </translation>
    </message>
</context>
</TS>
