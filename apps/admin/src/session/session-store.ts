import { useSyncExternalStore } from 'react';

export interface Province {
  id: string;
  code: string;
  name: string;
  timezone: string;
  /** The national operators' console (`/admin/quoc-gia`): no province, the operator routes. */
  platform?: true;
}

/** The national operators' side, kept in the session as a province is: its own tokens, its own sign-in. */
export const PLATFORM: Province = {
  id: 'platform',
  code: 'quoc-gia',
  name: 'Điều hành quốc gia',
  timezone: 'Asia/Ho_Chi_Minh',
  platform: true,
};

/** The sign-in routes of the province (`/api/v1/auth/…`) or, for operators, the platform's (`/api/v1/operator/auth/…`). */
export const authRoute = (province: Province | undefined, path: string): string =>
  province?.platform ? path.replace('/api/v1/auth/', '/api/v1/operator/auth/') : path;

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  mustChangePassword: boolean;
  twoFactorEnrolmentRequired: boolean;
}

export interface SessionState {
  province?: Province;
  /** The province came from the domain the console is open on (no X-Tenant needed). */
  provinceFromHost: boolean;
  tokens?: Tokens;
  /** Why the last session ended without the user signing out (shown on the sign-in page). */
  ended?: 'expired' | 'password-exposed';
}

/**
 * Who is signed in to which province, for this browser tab. The tokens live in sessionStorage:
 * they survive a reload but not the tab, and no other tab or site reads them. A picked province
 * (development, on a host that names none) is remembered in localStorage.
 */
class SessionStore {
  private state: SessionState = { provinceFromHost: false };
  private readonly listeners = new Set<() => void>();
  private renewal?: Promise<Tokens | undefined>;

  current = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setProvince(province: Province, fromHost: boolean): void {
    if (!fromHost) localStorage.setItem(PICKED_PROVINCE, province.code);
    const stored = sessionStorage.getItem(tokensKey(province.code));
    this.set({ province, provinceFromHost: fromHost, tokens: stored ? (JSON.parse(stored) as Tokens) : undefined });
  }

  /** Back to the province picker (development). */
  forgetProvince(): void {
    localStorage.removeItem(PICKED_PROVINCE);
    this.set({ provinceFromHost: false });
  }

  pickedProvinceCode(): string | null {
    return localStorage.getItem(PICKED_PROVINCE);
  }

  signedIn(tokens: Tokens): void {
    this.store(tokens);
    this.set({ ...this.state, tokens, ended: undefined });
  }

  /** The password was changed: the tokens stay, the forced change is done. */
  passwordChanged(): void {
    if (this.state.tokens) this.signedIn({ ...this.state.tokens, mustChangePassword: false });
  }

  signedOut(ended?: SessionState['ended']): void {
    if (this.state.province) sessionStorage.removeItem(tokensKey(this.state.province.code));
    this.set({ ...this.state, tokens: undefined, ended });
  }

  /**
   * New tokens from the refresh token (one renewal at a time, however many requests met the 401).
   * When the session cannot be renewed it ends as expired: the sign-in page says so, and editors'
   * drafts are kept locally to be offered back.
   */
  renew(): Promise<Tokens | undefined> {
    this.renewal ??= this.refresh().finally(() => (this.renewal = undefined));
    return this.renewal;
  }

  private async refresh(): Promise<Tokens | undefined> {
    const { tokens, province, provinceFromHost } = this.state;
    if (!tokens || !province) return undefined;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!provinceFromHost) headers['x-tenant'] = province.code;
    try {
      const response = await fetch(authRoute(province, '/api/v1/auth/refresh'), {
        method: 'POST',
        headers,
        body: JSON.stringify({ refreshToken: tokens.refreshToken }),
      });
      if (!response.ok) throw new Error(`refresh ${response.status}`);
      const renewed = (await response.json()) as Tokens;
      this.signedIn(renewed);
      return renewed;
    } catch {
      this.signedOut('expired');
      return undefined;
    }
  }

  private store(tokens: Tokens): void {
    if (this.state.province) sessionStorage.setItem(tokensKey(this.state.province.code), JSON.stringify(tokens));
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

const PICKED_PROVINCE = 'cong.admin.province';
const tokensKey = (code: string) => `cong.admin.tokens.${code}`;

export const session = new SessionStore();

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.current);
}
