// Sends GenAI spans to an OTLP/HTTP receiver with the real OpenTelemetry JS SDK (protobuf exporter).
const { BasicTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
const { resourceFromAttributes } = require('@opentelemetry/resources');

const url = process.argv[2];
const day = Date.parse(process.argv[3] || '2026-03-01T00:00:00Z');
const exporter = new OTLPTraceExporter({ url, compression: process.env.GZIP ? 'gzip' : 'none' });
const provider = new BasicTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'support-bot', 'service.namespace': 'cx' }),
  spanProcessors: [new BatchSpanProcessor(exporter, { maxExportBatchSize: 50 })],
});
const tracer = provider.getTracer('e2e');
const calls = [
  // feature, model, input (incl. cached), cached, output, hour
  ['chat', 'gpt-4o-2024-08-06', 300000, 0, 100000, 1],
  ['chat', 'gpt-4o-2024-08-06', 100000, 0, 50000, 2],
  ['search', 'gpt-4o', 200000, 0, 50000, 3],
  ['search', 'gpt-4o', 200000, 0, 100000, 4],
];
let n = Number(process.env.REPEAT || 1);
for (let r = 0; r < n; ++r) {
  for (const [feature, model, input, cached, output, hour] of calls) {
    const start = day + hour * 3600 * 1000 + r;
    const span = tracer.startSpan(`chat ${model}`, { startTime: start, attributes: {
      'gen_ai.provider.name': 'openai', 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': model,
      'gen_ai.usage.input_tokens': input, 'gen_ai.usage.cache_read.input_tokens': cached,
      'gen_ai.usage.output_tokens': output, 'app.feature': feature, 'gen_ai.prompt': 'not stored' } });
    span.end(start + 800);
  }
}
provider.forceFlush().then(() => provider.shutdown()).then(() => console.log('sent')).catch((e) => { console.error(e); process.exit(1); });
