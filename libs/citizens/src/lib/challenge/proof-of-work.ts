import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { DomainError } from '@cong/platform-errors';
import { createCommandConnection } from '@cong/platform-queue';
import { Challenge, createChallenge, randomInt, Solution, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type IORedis from 'ioredis';
import { createHmac, randomBytes, randomInt as cryptoRandomInt, timingSafeEqual } from 'node:crypto';

/**
 * How much work a challenge asks: the browser tries SHA-256 keys from 0 up to a random counter in
 * this range (a few tenths of a second on a phone), a bot posting thousands pays that thousands of
 * times. The server's check is one HMAC.
 */
export const POW_COUNTER_RANGE = { min: 10_000, max: 40_000 } as const;
/** How long a challenge may be solved and used for. */
export const POW_LIFETIME_SECONDS = 600;
/** A sum shown in the form itself (no JavaScript) lives long enough to write the question. */
export const WRITING_TIME_SECONDS = 3600;

export const ChallengeErrors = {
  missing: () =>
    new DomainError(
      'CITIZENS_CHALLENGE_REQUIRED',
      'validation',
      'Thiếu lời giải thử thách chống thư rác. Vui lòng tải lại trang và gửi lại.',
      [{ field: 'altcha', message: 'Thiếu lời giải thử thách chống thư rác.' }],
    ),
  failed: () =>
    new DomainError(
      'CITIZENS_CHALLENGE_FAILED',
      'validation',
      'Lời giải thử thách chống thư rác không đúng hoặc đã hết hạn. Vui lòng tải lại trang và gửi lại.',
      [{ field: 'altcha', message: 'Lời giải không đúng hoặc đã hết hạn.' }],
    ),
  reused: () =>
    new DomainError('CITIZENS_CHALLENGE_REUSED', 'conflict', 'Lời giải thử thách này đã được dùng. Vui lòng tải lại trang và gửi lại.'),
};

/** Without JavaScript no proof of work runs: the form asks a small sum in words instead (signed, single use). */
export interface TextChallenge {
  /** "bảy cộng năm": the sum asked. */
  prompt: string;
  /** Signed: province, purpose, expiry, nonce; the answer is checked against its signature. */
  token: string;
}

/** The proof a write carries: the ALTCHA widget's payload, or the answer to a text challenge. */
export interface WriteProof {
  altcha?: string;
  text?: { token: string; answer: string };
}

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

interface Payload {
  challenge: Challenge;
  solution: Solution;
}

/**
 * A self-hosted proof-of-work challenge (ALTCHA, no outside call): the form asks for one, the
 * browser solves it, the write sends the solution. Each challenge is signed (HMAC keys derived from
 * the platform secret), bound to one province and one purpose, and good for one write: a used one
 * is remembered in Redis until it would have expired.
 */
@Injectable()
export class ProofOfWork implements OnApplicationShutdown {
  private readonly redis: IORedis;
  private readonly prefix: string;
  private readonly signatureSecret: string;
  private readonly keySecret: string;

  constructor(config: AppConfig) {
    this.redis = createCommandConnection(config.redis.url, 'citizens-pow');
    this.prefix = `${config.redis.prefix}:pow-used`;
    const derive = (purpose: string) => createHmac('sha256', config.auth.jwtSecret).update(`cong:citizens:${purpose}`).digest('hex');
    this.signatureSecret = derive('pow-signature');
    this.keySecret = derive('pow-key');
  }

  /** A new challenge for `purpose` (`question`, `vote`, `comment`) in the province. */
  async challenge(tenantId: string, purpose: string): Promise<Challenge> {
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(POW_COUNTER_RANGE.min, POW_COUNTER_RANGE.max),
      deriveKey,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
      expiresAt: new Date(Date.now() + POW_LIFETIME_SECONDS * 1000),
      data: { tenant: tenantId, purpose },
    });
  }

  /** The sum a form shows itself, for readers without JavaScript: good for the time it takes to write (`WRITING_TIME_SECONDS`). */
  writingSum(tenantId: string, purpose: string): TextChallenge {
    return this.textChallenge(tenantId, purpose, WRITING_TIME_SECONDS);
  }

  /** A text challenge for a form sent without JavaScript: two digits to add, in words. */
  textChallenge(tenantId: string, purpose: string, lifetimeSeconds = POW_LIFETIME_SECONDS): TextChallenge {
    const [a, b] = [cryptoRandomInt(1, 10), cryptoRandomInt(1, 10)];
    const claims = Buffer.from(
      JSON.stringify({
        t: tenantId,
        p: purpose,
        e: Math.floor(Date.now() / 1000) + lifetimeSeconds,
        n: randomBytes(12).toString('hex'),
      }),
    ).toString('base64url');
    return { prompt: `${DIGIT_WORDS[a]} cộng ${DIGIT_WORDS[b]}`, token: `${claims}.${this.textSignature(claims, String(a + b))}` };
  }

  /**
   * Checks the proof a write carries and spends it: the widget's payload (base64 JSON, as the
   * ALTCHA widget posts it), or a text challenge's token and answer. Throws a 422 naming `altcha`
   * when absent, malformed, wrong, expired or for another province or purpose; a 409 when used.
   */
  async spend(tenantId: string, purpose: string, proof: WriteProof): Promise<void> {
    if (proof.text) return this.spendText(tenantId, purpose, proof.text);
    if (!proof.altcha) throw ChallengeErrors.missing();
    const payload = decode(proof.altcha);
    if (!payload) throw ChallengeErrors.failed();
    const data = payload.challenge.parameters.data ?? {};
    if (data['tenant'] !== tenantId || data['purpose'] !== purpose) throw ChallengeErrors.failed();
    const outcome = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    }).catch(() => null);
    if (!outcome?.verified) throw ChallengeErrors.failed();
    await this.once(payload.challenge.parameters.nonce, payload.challenge.parameters.expiresAt ?? 0);
  }

  private async spendText(tenantId: string, purpose: string, text: { token: string; answer: string }): Promise<void> {
    const [claims, signature] = text.token.split('.');
    const answer = text.answer.trim();
    if (!claims || !signature || !/^\d{1,2}$/.test(answer)) throw ChallengeErrors.failed();
    const expected = Buffer.from(this.textSignature(claims, answer));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw ChallengeErrors.failed();
    let parsed: { t?: string; p?: string; e?: number; n?: string };
    try {
      parsed = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
    } catch {
      throw ChallengeErrors.failed();
    }
    if (parsed.t !== tenantId || parsed.p !== purpose || !parsed.n || !parsed.e || parsed.e < Date.now() / 1000)
      throw ChallengeErrors.failed();
    await this.once(`text:${parsed.n}`, parsed.e);
  }

  private textSignature(claims: string, answer: string): string {
    return createHmac('sha256', this.keySecret).update(`${claims}|${answer}`).digest('base64url');
  }

  /** A proof is good for one write: remembered until it would have expired anyway. */
  private async once(nonce: string, expiresAt: number): Promise<void> {
    const ttl = Math.max(1, expiresAt - Math.floor(Date.now() / 1000));
    const fresh = await this.redis.set(`${this.prefix}:${nonce}`, '1', 'EX', ttl, 'NX');
    if (fresh !== 'OK') throw ChallengeErrors.reused();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

function decode(encoded: string): Payload | null {
  if (encoded.length > 4000) return null;
  try {
    const value = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Partial<Payload>;
    const p = value?.challenge?.parameters;
    const s = value?.solution;
    if (!p || typeof p.nonce !== 'string' || typeof p.salt !== 'string' || !s || typeof s.derivedKey !== 'string') return null;
    return value as Payload;
  } catch {
    return null;
  }
}
