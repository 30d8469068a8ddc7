import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { AskQuestionRequest, ProofOfWork, QuestionIntake } from '@cong/citizens';
import { Public } from '@cong/platform-context';
import { DomainError, FieldProblem, fieldProblems } from '@cong/platform-errors';
import { RateLimit } from '@cong/platform-throttling';
import { TenantContext } from '@cong/tenancy';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Links } from '../portal-addresses';
import { firstPerField, FormReply, FormRequest, linksFor, proofOf, redirectTo, refusalStatus, sendPage, textOf } from './form-replies';
import { Chrome, PortalChrome, SiteInfo } from '../portal-chrome';
import { ASK_SCRIPTS, askPageCsp, contextOf, html, pageCsp } from '../portal-pages';
import { AskPage, AskValues, TextChallengePage } from '../pages/question-pages';

/** The fields the form posts (as text), carried through the no-JavaScript step. */
const TEXT_FIELDS = ['site', 'name', 'email', 'phone', 'unit', 'title', 'question', 'showName', 'consent', 'website'] as const;

/**
 * The ask form of the portal's pages, posted as a plain HTML form (works with JavaScript off):
 * the answer is a page, not JSON. Sent back with its errors under each field; without the
 * widget's proof of work, one more page asks a sum; received, it goes to the asker's private
 * status page (303). The same intake as the JSON API decides.
 */
@Controller('public/questions/form')
export class QuestionFormController {
  constructor(
    private readonly intake: QuestionIntake,
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
    const form = textFields(raw);
    const site = chrome.sites.find((s) => s.key === form.site) ?? links.hostSite ?? chrome.portal;
    const values: AskValues = {
      ...form,
      showName: form.showName === 'true',
      consent: form.consent === 'true',
    };
    const page = new FormPages(reply, chrome, site, links);

    const dto = plainToInstance(AskQuestionRequest, {
      site: site.key,
      unit: form.unit || undefined,
      name: form.name ?? '',
      email: form.email || undefined,
      phone: form.phone || undefined,
      title: form.title ?? '',
      question: form.question ?? '',
      showName: values.showName,
      consent: values.consent,
      website: form.website || undefined,
    });
    const problems = fieldProblems(validateSync(dto, { whitelist: true }));
    if (!dto.email && !dto.phone) problems.push({ field: 'email', message: 'Cần thư điện tử hoặc số điện thoại để nhận trả lời.' });
    if (problems.length) return page.ask(422, values, problems);

    const proof = proofOf((raw ?? {}) as Record<string, unknown>);
    if (!proof) return page.textChallenge(200, this.pow.textChallenge(tenant.id, 'question'), form, false);
    try {
      const received = await this.intake.ask(
        tenant,
        { ...dto, ...(proof.altcha ? { altcha: proof.altcha } : { textChallenge: proof.text }) },
        originOf(req),
      );
      page.redirect(`${links.questionStatus(site, received.statusToken)}&moi=1`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code.startsWith('CITIZENS_CHALLENGE_') && proof.text)
        return page.textChallenge(422, this.pow.textChallenge(tenant.id, 'question'), form, true);
      page.ask(refusalStatus(reply, error), values, error.fields.length ? error.fields : [{ field: 'form', message: error.message }]);
    }
  }
}

/** The pages the form answers with. */
class FormPages {
  constructor(
    private readonly reply: FormReply,
    private readonly chrome: Chrome,
    private readonly site: SiteInfo,
    private readonly links: Links,
  ) {}

  ask(status: number, values: AskValues, problems: FieldProblem[]): void {
    const errors = firstPerField(problems);
    const ctx = contextOf(this.chrome, this.site, this.links);
    this.send(status, html(AskPage({ ctx, scripts: ASK_SCRIPTS, values, errors })).body, askPageCsp(this.chrome));
  }

  textChallenge(status: number, challenge: { prompt: string; token: string }, fields: Record<string, string>, wrong: boolean): void {
    const ctx = contextOf(this.chrome, this.site, this.links);
    const carried = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
    const form = {
      heading: 'Xác nhận gửi câu hỏi',
      action: '/api/v1/public/questions/form',
      submit: 'Gửi câu hỏi',
      back: { title: 'Hỏi đáp', href: this.links.questions(this.site) },
    };
    this.send(status, html(TextChallengePage({ ctx, form, ...challenge, fields: carried, wrong })).body, pageCsp(this.chrome));
  }

  redirect(location: string): void {
    redirectTo(this.reply, location);
  }

  private send(status: number, body: string, csp: string): void {
    sendPage(this.reply, status, body, csp);
  }
}

function textFields(raw: unknown): Record<string, string> {
  const body = (raw ?? {}) as Record<string, unknown>;
  return Object.fromEntries(TEXT_FIELDS.map((k) => [k, textOf(body, k)]).filter((e): e is [string, string] => e[1] !== undefined));
}

const originOf = (req: FormRequest) => `${req.protocol ?? 'https'}://${req.host ?? ''}`;
