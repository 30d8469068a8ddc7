import 'reflect-metadata';
import { loadConfigOrExit } from '@cong/platform-config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit('cong-api');
  const app = await createApiApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
  const url = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
  console.warn(`cong-api listening on ${url} (API ${url}/api/v1, docs ${url}/docs)`);
}

main().catch((error) => {
  console.error('cong-api failed to start:', error);
  process.exit(1);
});
