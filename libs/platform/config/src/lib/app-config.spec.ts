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
    for (const name of [
      'PORT',
      'REDIS_URL',
      'DATABASE_URL',
      'LOG_LEVEL',
      'DATABASE_APP_PASSWORD',
      'DATABASE_PUBLIC_PASSWORD',
      'AUTH_JWT_SECRET',
    ]) {
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

  it('listens on loopback by default outside production, on every interface in production', () => {
    expect(AppConfig.fromEnvironment({}).http.host).toBe('127.0.0.1');
    expect(AppConfig.fromEnvironment({ NODE_ENV: 'test' }).http.host).toBe('127.0.0.1');
    const production = AppConfig.fromEnvironment({
      NODE_ENV: 'production',
      DATABASE_APP_PASSWORD: 'app-password-long',
      DATABASE_PUBLIC_PASSWORD: 'public-password-long',
      AUTH_JWT_SECRET: 'x'.repeat(32),
    });
    expect(production.http.host).toBe('0.0.0.0');
  });

  it('signs with the fixed development key only on loopback', () => {
    expect(AppConfig.fromEnvironment({}).auth.developmentKey).toBe(true);
    expect(AppConfig.fromEnvironment({ HOST: '::1' }).auth.developmentKey).toBe(true);
    for (const HOST of ['0.0.0.0', '192.168.1.20', '::']) {
      expect(() => AppConfig.fromEnvironment({ HOST })).toThrow(/AUTH_JWT_SECRET is required when the API listens beyond loopback/);
    }
    const own = AppConfig.fromEnvironment({ HOST: '0.0.0.0', AUTH_JWT_SECRET: 'k'.repeat(40) });
    expect(own.auth).toEqual({ jwtSecret: 'k'.repeat(40), developmentKey: false });
  });

  it('takes LOG_FORMAT json (default) or pretty, and names anything else', () => {
    expect(AppConfig.fromEnvironment({}).log.format).toBe('json');
    expect(AppConfig.fromEnvironment({ LOG_FORMAT: 'pretty' }).log.format).toBe('pretty');
    expect(() => AppConfig.fromEnvironment({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be json or pretty/);
  });
});
