/** Rules for the identity fields of a province, shared by the registry, resolution and (later) rule files. */
export const TENANT_CODE = /^[a-z][a-z0-9-]{1,62}$/;

const HOST_LABEL = '[a-z0-9]([a-z0-9-]*[a-z0-9])?';
export const DOMAIN_NAME = new RegExp(`^${HOST_LABEL}(\\.${HOST_LABEL})*$`);

export function isIanaTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** `Portal.LaoCai.gov.vn:443` → `portal.laocai.gov.vn`; undefined when the header is not a host name. */
export function normaliseHost(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return undefined; // an IPv6 literal never names a province
  host = host.replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  return host.length <= 253 && DOMAIN_NAME.test(host) ? host : undefined;
}
