import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { CommentRequest, ConsultationBox, ProofOfWork, PublicConsultation } from '@cong/citizens';
import { Public } from '@cong/platform-context';
import { DomainError, FieldProblem, fieldProblems } from '@cong/platform-errors';
import { RateLimit } from '@cong/platform-throttling';
import { TenantContext } from '@cong/tenancy';
import { plainToInstance } from 'class-transformer';
import { isUUID, validateSync } from 'class-validator';
import { PortalChrome } from '../portal-chrome';
import { ASK_SCRIPTS, askPageCsp, contextOf, html, pageCsp } from '../portal-pages';
import { ConsultationPage, CommentValues } from '../pages/consultation-pages';
import { TextChallengePage } from '../pages/question-pages';
import {
  firstPerField,
  FormReply,
  FormRequest,
  linksFor,
  proofOf,
  redirectTo,
  refusalStatus,
  sendNotFound,
  sendPage,
  textOf,
} from './form-replies';

const FIELDS = ['consultation', 'article', 'name', 'organisation', 'email', 'comment', 'consent'] as const;

/**
 * A comment on a draft as a plain HTML form (works with JavaScript off): sent back with its
 * errors; without the widget's proof of work, one more page asks a sum; received, back to the
 * draft's page (303), which says it awaits moderation. The same box as the JSON API.
 */
@Controller('public/consultations/form')
export class CommentFormController {
  constructor(
    private readonly box: ConsultationBox,
    private readonly pow: ProofOfWork,
    private readonly chrome: PortalChrome,
    private readonly tenants: TenantContext,
  ) {}

  @Post()
  @Public()
  @RateLimit('public-write')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async submit(@Body() raw: unknown, @Req() req: FormRequest, @Res() reply: FormReply): Promise<void> {
    const tenant = this.tenants.current();
    const chrome = await this.chrome.of(tenant);
    const links = linksFor(req, chrome);
    const body = (raw ?? {}) as Record<string, unknown>;
    const form = Object.fromEntries(FIELDS.map((k) => [k, textOf(body, k) ?? ''])) as Record<(typeof FIELDS)[number], string>;
    const consultation: PublicConsultation | null = isUUID(form.consultation)
      ? await this.box.get(tenant, form.consultation).catch(() => null)
      : null;
    const site = consultation && chrome.sites.find((s) => s.key === consultation.site);
    if (!consultation || !site) return sendNotFound(reply, chrome, links);
    const ctx = contextOf(chrome, site, links);
    const values: CommentValues = { ...form, consent: form.consent === 'true' };
    const again = (status: number, problems: FieldProblem[]) => {
      const errors = firstPerField(problems);
      sendPage(
        reply,
        status,
        html(ConsultationPage({ ctx, consultation, scripts: ASK_SCRIPTS, justSent: false, values, errors })).body,
        askPageCsp(chrome),
      );
    };
    const dto = plainToInstance(CommentRequest, {
      article: form.article === '' ? undefined : Number(form.article),
      name: form.name,
      organisation: form.organisation || undefined,
      email: form.email || undefined,
      comment: form.comment,
      consent: values.consent,
    });
    const problems = fieldProblems(validateSync(dto, { whitelist: true }));
    if (problems.length) return again(422, problems);
    const challenge = (wrong: boolean) =>
      sendPage(
        reply,
        wrong ? 422 : 200,
        html(
          TextChallengePage({
            ctx,
            form: {
              heading: 'Xác nhận gửi góp ý',
              action: '/api/v1/public/consultations/form',
              submit: 'Gửi góp ý',
              back: { title: 'Góp ý dự thảo văn bản', href: links.consultations(site) },
            },
            ...this.pow.textChallenge(tenant.id, 'comment'),
            fields: Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '')),
            wrong,
          }),
        ).body,
        pageCsp(chrome),
      );
    const proof = proofOf(body);
    if (!proof) return challenge(false);
    try {
      await this.box.comment(tenant, consultation.id, { ...dto, proof });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code.startsWith('CITIZENS_CHALLENGE_') && proof.text) return challenge(true);
      return again(refusalStatus(reply, error), error.fields.length ? error.fields : [{ field: 'form', message: error.message }]);
    }
    redirectTo(reply, `${links.consultation(site, consultation.id)}?da-gui=1`);
  }
}
