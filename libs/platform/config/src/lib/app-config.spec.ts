import { AppConfig } from './app-config';
import { ConfigError } from './config.errors';

describe('AppConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = AppConfig.fromEnvironment({});
    expect(config.database.ownerUrl).toBe('postgres://postgres@127.0.0.1:5432/cong');
    expect(config.database.appUrl).toBe('postgres://cong_app@127.0.0.1:5432/cong');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(3000);
  });

  it('derives the application-role URL from DATABASE_URL with the app credentials', () => {
    const config = AppConfig.fromEnvironment({
      DATABASE_URL: 'postgres://owner:secret@db.example:6543/portal?sslmode=require',
      DATABASE_APP_ROLE: 'portal_app',
      DATABASE_APP_PASSWORD: 'p@ss word/with:chars',
    });
    const app = new URL(config.database.appUrl);
    expect(app.username).toBe('portal_app');
    expect(decodeURIComponent(app.password)).toBe('p@ss word/with:chars');
    expect(app.host).toBe('db.example:6543');
    expect(app.pathname).toBe('/portal');
    expect(app.searchParams.get('sslmode')).toBe('require');
  });

  it('reports every wrong variable at once, each by name', () => {
    let error: unknown;
    try {
      AppConfig.fromEnvironment({
        PORT: 'eighty',
        REDIS_URL: 'http://cache',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        NODE_ENV: 'production',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    for (const name of ['PORT', 'REDIS_URL', 'DATABASE_URL', 'LOG_LEVEL', 'DATABASE_APP_PASSWORD', 'DATABASE_PUBLIC_PASSWORD', 'AUTH_JWT_SECRET']) {
      expect(problems.some((p) => p.includes(name))).toBe(true);
      expect(message).toContain(name);
    }
    expect(problems).toHaveLength(7);
  });

  it('parses booleans and numbers from strings', () => {
    const config = AppConfig.fromEnvironment({ TRUST_PROXY: 'true', PORT: '8080', WORKER_CONCURRENCY: '3' });
    expect(config.http).toMatchObject({ trustProxy: true, port: 8080 });
    expect(config.worker.concurrency).toBe(3);
  });
});
