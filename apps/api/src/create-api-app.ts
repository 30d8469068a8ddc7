import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import multipart from '@fastify/multipart';
import { MAX_UPLOAD_BYTES, PublicRoutes } from '@cong/content';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@cong/platform-config';
import { createValidationPipe, DomainError, formBodyParser, ProblemDetailsFilter, strictJsonBody } from '@cong/platform-errors';
import { assignRequestId, PlatformLogger } from '@cong/platform-logging';
import { SignInRefusals } from '@cong/accounts';
import { PageRequest, PortalPages } from '@cong/portal';
import { AdminConsole } from './admin-console';
import { ApiModule } from './api.module';
import { documentTenantHeader } from './openapi-tenant-header';
import { setSecurityHeaders } from './security-headers';

export const API_PREFIX = 'api/v1';
type RouterReply = Parameters<ProblemDetailsFilter['reply']>[2];
const NUL_IN_URL = /%00/i;
const nulInUrl = () => new DomainError('PLATFORM_MALFORMED_URL', 'bad_request', 'Địa chỉ yêu cầu chứa ký tự NUL (%00), không hợp lệ.');
/** Largest JSON body accepted; uploads have their own limits per type. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/** The portal's forms: a question of 10,000 Vietnamese characters is up to ~90 KB percent-encoded. */
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the HTTP API (not yet listening); main.ts and the e2e tests both use it. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const problems = new ProblemDetailsFilter();
  const production = config.env === 'production';
  const adapter = new FastifyAdapter({
    // Bad percent-encoding and over-long path parameters fail in the router, before any hook or
    // filter: they are answered as problem+json, with the headers of every other answer.
    // (Nest's adapter bundles its own copy of Fastify's types, which the plugins' do not match.)
    frameworkErrors: ((error: Error, request: { id: string; url: string }, reply: RouterReply) => {
      reply.header('x-request-id', request.id);
      setSecurityHeaders(reply, request.url, production);
      problems.reply(error, request, reply);
    }) as never,
    genReqId: assignRequestId,
    trustProxy: config.http.trustProxy,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 512 },
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bufferLogs: true,
    // Body parsing is ours (below): JSON only, strict UTF-8.
    bodyParser: false,
  });
  app.useLogger(app.get(PlatformLogger));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: '/', method: RequestMethod.GET },
      { path: 'api/v1', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(problems);
  app.get(SignInRefusals).listenTo(problems);
  const fastify = app.getHttpAdapter().getInstance();
  // Nest's own first request hook, before its middleware: every reply names its request, and a
  // citizen's read is answered here by the public routes (the middleware has nothing to do for it).
  // The portal's pages are taken there too: any GET on a province's host outside the platform's paths.
  const publicRoutes = app.get(PublicRoutes);
  const portal = app.get(PortalPages);
  adapter.setOnRequestHook((request, reply, done) => {
    reply.header('x-request-id', request.id);
    setSecurityHeaders(reply, request.url, production);
    // A NUL in a path or query value decodes fine but no database text can hold it.
    if (NUL_IN_URL.test(request.url)) return problems.reply(nulInUrl(), request, reply as unknown as RouterReply);
    if (
      publicRoutes.intercept(
        request as unknown as Parameters<PublicRoutes['intercept']>[0],
        reply as unknown as Parameters<PublicRoutes['intercept']>[1],
      )
    )
      return;
    if (!portal.intercept(request as unknown as PageRequest, reply as unknown as Parameters<PortalPages['intercept']>[1], () => done()))
      done();
  });
  // The API speaks JSON (uploads will add multipart): any other body is a 415, not a string that
  // fails validation further in.
  fastify.removeContentTypeParser(['text/plain', 'application/json']);
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: JSON_BODY_LIMIT_BYTES }, strictJsonBody);
  // The portal's ask form, posted as a plain HTML form (it works with JavaScript off); nowhere else.
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
    formBodyParser([
      `/${API_PREFIX}/public/questions/form`,
      `/${API_PREFIX}/public/polls/form`,
      `/${API_PREFIX}/public/consultations/form`,
    ]),
  );
  // Uploads (POST /api/v1/media): one file, read no further than the largest kind allows.
  // (Nest's adapter bundles its own copy of Fastify's types, which the plugin's do not match.)
  await app.register(multipart as unknown as Parameters<typeof app.register>[0], {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
  });

  // Citizens' reads: Fastify routes of their own (see PublicRoutes), under the same prefix.
  const publicBase = `/${API_PREFIX}/public`;
  publicRoutes.register(fastify as unknown as Parameters<PublicRoutes['register']>[0], publicBase);
  // The officials' console: its built page and assets at /admin (apps/admin).
  new AdminConsole(config.admin.distDir).register(fastify as unknown as Parameters<AdminConsole['register']>[0]);

  const openApi = new DocumentBuilder()
    .setTitle('Cổng API')
    .setDescription(
      'API của nền tảng cổng thông tin điện tử cấp tỉnh. Mỗi yêu cầu thuộc về một tỉnh: xác định qua tên miền (Host) hoặc tiêu đề X-Tenant.',
    )
    .setVersion('1')
    .addServer('/')
    // The scheme `@ApiBearerAuth()` names (`bearer`): /docs shows "Authorize" for the access token.
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Mã truy cập từ POST /api/v1/auth/login' })
    .build();
  const document = SwaggerModule.createDocument(app, openApi, { extraModels: [...PublicRoutes.responseModels] });
  Object.assign(document.paths, publicRoutes.openApiPaths(publicBase));
  documentTenantHeader(document, `/${API_PREFIX}`);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  app.enableShutdownHooks();
  return app;
}
