import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@cong/platform-audit';
import { HttpRequestLike, ProblemDetailsFilter } from '@cong/platform-errors';
import { TenantResolver } from '@cong/tenancy';
import { AccountScope } from '../account-scope';

/** The sign-in routes, and whose they are. */
const SIGN_IN_PATHS: Record<string, 'province' | 'platform'> = {
  '/api/v1/auth/login': 'province',
  '/api/v1/auth/login/two-factor': 'province',
  '/api/v1/operator/auth/login': 'platform',
  '/api/v1/operator/auth/login/two-factor': 'platform',
};

/** Refusals made before any route runs (the body or the URL itself): sign-in's own code never sees them. */
const BEFORE_ANY_ROUTE = new Set([
  'PLATFORM_BODY_UNSAFE_TEXT',
  'PLATFORM_BODY_TOO_DEEP',
  'PLATFORM_MALFORMED_JSON',
  'PLATFORM_BODY_NOT_UTF8',
  'PLATFORM_EMPTY_BODY',
  'PLATFORM_BODY_TOO_LARGE',
  'PLATFORM_BAD_CONTENT_LENGTH',
  'PLATFORM_UNSUPPORTED_MEDIA_TYPE',
  'PLATFORM_MALFORMED_URL',
]);

/**
 * A sign-in refused for its malformed request is still a failed sign-in, and audited as one, even
 * when the body was refused before the route ran (a NUL in the username, JSON nested too deep).
 * Malformed bodies that reach the route are audited by SignInGuard.
 */
@Injectable()
export class SignInRefusals {
  private readonly logger = new Logger('SignInRefusals');

  constructor(
    private readonly resolver: TenantResolver,
    private readonly scope: AccountScope,
    private readonly audit: AuditLog,
  ) {}

  listenTo(problems: ProblemDetailsFilter): void {
    problems.onRefusal((request, problem) => {
      void this.record(request, problem.code).catch((error: unknown) => this.logger.warn({ err: error }, 'Malformed sign-in not audited'));
    });
  }

  private async record(request: HttpRequestLike, code: string): Promise<void> {
    const whose = SIGN_IN_PATHS[(request.url ?? '').split('?', 1)[0]];
    if (!whose || !BEFORE_ANY_ROUTE.has(code) || request.method !== 'POST') return;
    const headers = request.headers ?? {};
    // A request for no known province was no sign-in to any province: nothing to audit it in.
    const tenantId =
      whose === 'platform'
        ? null
        : (await this.resolver.resolve({ host: headers.host as string | undefined, tenantHeader: headers['x-tenant'] }).catch(() => null))
            ?.id;
    if (tenantId === undefined) return;
    await this.scope.run(tenantId, 'malformed sign-in', (m) =>
      this.audit.record(m, {
        tenantId,
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: null,
        details: { username: 'anonymous', reason: `malformed request (${code})` },
        actor: { id: null, label: 'anonymous' },
        ip: request.ip,
      }),
    );
  }
}
