import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@cong/platform-config';
import { HttpRequest, httpRequest, HttpResponse } from '@cong/testing';
import { createApiApp } from '../src/create-api-app';

/** The real API, listening on a free loopback port, for e2e specs. */
export class ApiUnderTest {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
  ) {}

  static async start(config: AppConfig): Promise<ApiUnderTest> {
    const app = await createApiApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return new ApiUnderTest(app, (await app.getUrl()).replace('[::1]', '127.0.0.1'));
  }

  request(path: string, req: HttpRequest = {}): Promise<HttpResponse> {
    return httpRequest(`${this.baseUrl}${path}`, req);
  }

  /** A request addressed to a province's portal by its domain. */
  onHost(host: string, path: string, req: HttpRequest = {}): Promise<HttpResponse> {
    return this.request(path, { ...req, headers: { host, ...(req.headers ?? {}) } });
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
