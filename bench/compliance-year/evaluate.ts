// The measured part of bench/compliance-year (run by run.mjs in a process of its own): evaluate one
// year for the benchmark province and report time and peak RSS as JSON on stdout.
import 'reflect-metadata';
import { ComplianceEvaluation } from '../../libs/compliance/src/lib/progress/compliance-evaluation';
import { ComplianceFacts } from '../../libs/compliance/src/lib/progress/compliance-facts';
import { QuestionFacts } from '../../libs/citizens/src/lib/questions/question-facts';
import { AppConfig } from '../../libs/platform/config/src';
import { createAppDataSource, TenantDatabase } from '../../libs/platform/database/src';
import { RULES_ENTITIES, RuleVersionRepository } from '../../libs/rules/src';

async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment(process.env);
  const dataSource = await createAppDataSource({
    url: config.database.appUrl,
    entities: RULES_ENTITIES,
    poolSize: 2,
    applicationName: 'bench-compliance',
  }).initialize();
  const db = new TenantDatabase(dataSource);
  const tenantId = process.env.BENCH_TENANT_ID!;
  const year = process.env.BENCH_YEAR ?? '2026';
  const evaluation = new ComplianceEvaluation(new RuleVersionRepository(db), new ComplianceFacts(db, new QuestionFacts(db)));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = process.hrtime.bigint();
  const results = await evaluation.resultsFor(tenantId, { start: `${year}-01-01`, end: `${Number(year) + 1}-01-01` });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      ms: Math.round(ms),
      peakRssMb: Math.round(peak / 1024 / 1024),
      quotas: results!.quotas.length,
      schedules: results!.schedules.length,
      deadlines: results!.deadlines.length,
    }),
  );
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
