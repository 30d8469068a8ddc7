import { Public } from '@cong/platform-context';
import { NoTenant } from '@cong/tenancy';
import { Controller, Get, Header, Headers, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

export class ApiLink {
  @ApiProperty({ example: '/docs' }) href!: string;
  @ApiProperty({ example: 'Tài liệu API (OpenAPI)' }) title!: string;
}

export class ApiIndex {
  @ApiProperty({ example: 'Cổng API' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [ApiLink] }) links!: ApiLink[];
}

/** Where a person or a client starts: what each entry point is, as links. */
const LINKS: ApiLink[] = [
  { href: '/docs', title: 'Tài liệu API (OpenAPI, thử trực tiếp)' },
  { href: '/docs/openapi.json', title: 'Mô tả OpenAPI dạng JSON' },
  { href: '/api/v1/tenant', title: 'Tỉnh của yêu cầu (theo tên miền hoặc tiêu đề X-Tenant)' },
  { href: '/api/v1/public/sites', title: 'Cổng và trang con của tỉnh, cho người dân đọc (cần X-Tenant)' },
  { href: '/health/ready', title: 'Tình trạng hoạt động (PostgreSQL, Redis)' },
];

const DESCRIPTION =
  'Nền tảng cổng thông tin điện tử cấp tỉnh. Mỗi yêu cầu thuộc về một tỉnh: theo tên miền (Host) ' +
  'hoặc tiêu đề X-Tenant: <mã tỉnh>. Cán bộ đăng nhập tại POST /api/v1/auth/login.';

function index(): ApiIndex {
  return { name: 'Cổng API', description: DESCRIPTION, links: LINKS };
}

/** A page for a browser: the same links, readable, in Vietnamese. Every string here is ours. */
function indexPage(): string {
  const items = LINKS.map((l) => `<li><a href="${l.href}">${l.title}</a> <code>${l.href}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng — nền tảng cổng thông tin điện tử</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}a{color:#0b4f9c}code{color:#555}</style>
</head><body><main>
<h1>Cổng</h1>
<p>${DESCRIPTION.replace('<mã tỉnh>', '&lt;mã tỉnh&gt;')}</p>
<ul>
${items}
</ul>
</main></body></html>
`;
}

@ApiTags('platform')
@NoTenant()
@Public()
@ApiExtraModels(ApiIndex)
@Controller()
export class HomeController {
  /** `/`: a page for a browser, the same index as JSON for anything else. */
  @Get()
  @ApiOperation({ summary: 'Where to start: links to the API docs, the API and health' })
  @ApiOkResponse({
    description: 'The index as JSON, or as a Vietnamese page when the request accepts text/html',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiIndex) } }, 'text/html': { schema: { type: 'string' } } },
  })
  root(@Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): ApiIndex | string {
    reply.header('vary', 'Accept');
    if (accept && /\btext\/html\b/.test(accept)) {
      reply.type('text/html; charset=utf-8');
      return indexPage();
    }
    return index();
  }

  /** `/api/v1`: the printed API address answers with the same index. */
  @Get('api/v1')
  @Header('cache-control', 'no-cache')
  @ApiOperation({ summary: 'The API index: links to its docs and main entry points' })
  @ApiOkResponse({ type: ApiIndex })
  api(): ApiIndex {
    return index();
  }
}
