import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { AskQuestionRequest, ProofOfWork, QUESTION_ATTACHMENT_MAX_BYTES, QuestionIntake } from '@cong/citizens';
import { Public } from '@cong/platform-context';
import { DomainError, FieldProblem, fieldProblems } from '@cong/platform-errors';
import { RateLimit } from '@cong/platform-throttling';
import { TenantContext } from '@cong/tenancy';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Links } from '../portal-addresses';
import {
  firstPerField,
  FormReply,
  FormRequest,
  linksFor,
  MultipartFormRequest,
  proofOf,
  readForm,
  redirectTo,
  refusalStatus,
  sendPage,
  textOf,
} from './form-replies';
import { Chrome, PortalChrome, SiteInfo } from '../portal-chrome';
import { ASK_SCRIPTS, askPageCsp, contextOf, html, pageCsp, QUESTION_ATTACHMENT_RULES } from '../portal-pages';
import { AskPage, AskValues, TextChallengePage } from '../pages/question-pages';

/** The fields the form posts (as text), carried through the no-JavaScript step. */
const TEXT_FIELDS = ['site', 'name', 'email', 'phone', 'unit', 'title', 'question', 'showName', 'consent', 'website'] as const;

/** A file cannot be carried through a page sent back: the asker is told to choose it again. */
const CHOOSE_AGAIN = { field: 'attachment', message: 'Tệp đính kèm chưa được gửi: xin chọn lại tệp.' };

/**
 * The ask form of the portal's pages, posted as a plain HTML form (works with JavaScript off),
 * multipart when it carries a file: the answer is a page, not JSON. Sent back with its errors
 * under each field; the proof is the widget's work, or without JavaScript the sum the form shows
 * (left unanswered and with no file, one more page asks it); received, it goes to the asker's
 * private status page (303). The same intake as the JSON API decides, the file included.
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
  async submit(@Body() body: unknown, @Req() req: MultipartFormRequest, @Res() reply: FormReply): Promise<void> {
    const tenant = this.tenants.current();
    const chrome = await this.chrome.of(tenant);
    const links = linksFor(req, chrome);
    const sum = () => this.pow.writingSum(tenant.id, 'question');
    const sent = await readForm(req, body, { fileField: 'attachment', maxFileBytes: QUESTION_ATTACHMENT_MAX_BYTES });
    const { fields: raw, file } = sent;
    const form = textFields(raw);
    const site = chrome.sites.find((s) => s.key === form.site) ?? links.hostSite ?? chrome.portal;
    const values: AskValues = {
      ...form,
      showName: form.showName === 'true',
      consent: form.consent === 'true',
    };
    const page = new FormPages(reply, chrome, site, links, sum);
    const chooseAgain = file ? [CHOOSE_AGAIN] : [];
    // Too large or cut off: shown again as written, the reason under the file (or above the form).
    if (sent.refused) {
      const refused = sent.refused.fields.length ? sent.refused.fields : [{ field: 'form', message: sent.refused.message }];
      return page.ask(refusalStatus(reply, sent.refused), values, refused);
    }

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
    if (problems.length) return page.ask(422, values, [...problems, ...chooseAgain]);

    const proof = proofOf(raw);
    if (!proof && file)
      return page.ask(422, values, [{ field: 'challengeAnswer', message: 'Xin trả lời phép cộng để xác nhận.' }, CHOOSE_AGAIN]);
    if (!proof) return page.textChallenge(200, this.pow.textChallenge(tenant.id, 'question'), form, false);
    try {
      const received = await this.intake.ask(
        tenant,
        { ...dto, ...(proof.altcha ? { altcha: proof.altcha } : { textChallenge: proof.text }), ...(file ? { attachment: file } : {}) },
        originOf(req),
      );
      page.redirect(`${links.questionStatus(site, received.statusToken)}&moi=1`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code.startsWith('CITIZENS_CHALLENGE_') && proof.text) {
        if (!file) return page.textChallenge(422, this.pow.textChallenge(tenant.id, 'question'), form, true);
        return page.ask(422, values, [
          { field: 'challengeAnswer', message: 'Kết quả chưa đúng hoặc đã hết hạn, xin trả lời phép cộng mới.' },
          CHOOSE_AGAIN,
        ]);
      }
      const fields = error.fields.length ? error.fields : [{ field: 'form', message: error.message }];
      page.ask(refusalStatus(reply, error), values, [...fields, ...(fields.some((f) => f.field === 'attachment') ? [] : chooseAgain)]);
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
    private readonly sum: () => { prompt: string; token: string },
  ) {}

  ask(status: number, values: AskValues, problems: FieldProblem[]): void {
    const errors = firstPerField(problems);
    const ctx = contextOf(this.chrome, this.site, this.links);
    const page = AskPage({ ctx, scripts: ASK_SCRIPTS, attachments: QUESTION_ATTACHMENT_RULES, sum: this.sum(), values, errors });
    this.send(status, html(page).body, askPageCsp(this.chrome));
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
