import { RESERVED_SLUGS } from '@cong/content';
import { ASSETS_PATH, Links, PAGE_PATHS, PLATFORM_PATHS, routePath } from './portal-addresses';
import type { Chrome, SiteInfo } from './portal-chrome';

const site = (key: string, domain: string | null = null): SiteInfo => ({
  id: `id-${key}`,
  key,
  path: key === 'portal' ? '/' : `/${key}`,
  title: key,
  kind: key === 'portal' ? 'portal' : 'subsite',
  domain,
});
const portal = site('portal');
const soYTe = site('so-y-te', 'soyte.laocai.gov.vn');
const soTaiChinh = site('so-tai-chinh');
const chrome = { portal, sites: [portal, soYTe, soTaiChinh], primaryOrigin: 'https://laocai.gov.vn' } as unknown as Chrome;

describe("portal addresses: which page a path is, on a portal domain and on a sub-site's own domain", () => {
  it.each([
    ['/', 'portal', { page: 'home' }],
    ['/khanh-thanh-benh-vien', 'portal', { page: 'item', slug: 'khanh-thanh-benh-vien' }],
    ['/so-y-te', 'so-y-te', { page: 'home' }],
    ['/so-y-te/khanh-thanh', 'so-y-te', { page: 'item', slug: 'khanh-thanh' }],
    ['/so-y-te/chuyen-muc/tin-tuc', 'so-y-te', { page: 'section', section: 'tin-tuc' }],
    ['/tim-kiem', 'portal', { page: 'search' }],
    ['/so-tai-chinh/van-ban', 'so-tai-chinh', { page: 'documents' }],
    ['/thu-tuc', 'portal', { page: 'procedures' }],
    ['/co-quan', 'portal', { page: 'units' }],
    ['/co-quan/so-y-te', 'portal', { page: 'unit', code: 'so-y-te' }],
    ['/sitemap.xml', 'portal', { page: 'sitemap' }],
    ['/so-y-te/sitemap.xml', 'so-y-te', { page: 'sitemap' }],
    ['/robots.txt', 'portal', { page: 'robots' }],
  ])('on laocai.gov.vn, %s is %s %o', (path, key, route) => {
    expect(routePath(path, chrome, null)).toEqual({ site: chrome.sites.find((s) => s.key === key), route });
  });

  it.each([['/so-y-te/robots.txt'], ['/so-y-te/co-quan'], ['/a/b/c'], ['/Khong_Hop_Le'], ['/chuyen-muc'], ['/%E0%A4%A']])(
    'on laocai.gov.vn, %s is no page',
    (path) => {
      expect(routePath(path, chrome, null)).toMatchObject({ notFound: true });
    },
  );

  it('trailing slashes redirect to the address without one', () => {
    expect(routePath('/so-y-te/', chrome, null)).toEqual({ redirect: '/so-y-te' });
    expect(routePath('/tim-kiem//', chrome, null)).toEqual({ redirect: '/tim-kiem' });
  });

  it("on a sub-site's own domain every path is of that sub-site; the directory is the portal's", () => {
    expect(routePath('/', chrome, soYTe)).toEqual({ site: soYTe, route: { page: 'home' } });
    expect(routePath('/khanh-thanh', chrome, soYTe)).toEqual({ site: soYTe, route: { page: 'item', slug: 'khanh-thanh' } });
    expect(routePath('/robots.txt', chrome, soYTe)).toEqual({ site: soYTe, route: { page: 'robots' } });
    // Another unit's code there is an item slug of this sub-site, not that unit's site.
    expect(routePath('/so-tai-chinh', chrome, soYTe)).toEqual({ site: soYTe, route: { page: 'item', slug: 'so-tai-chinh' } });
    expect(routePath('/co-quan/so-y-te', chrome, soYTe)).toEqual({ redirect: 'https://laocai.gov.vn/co-quan/so-y-te' });
  });

  it('links are relative on the host that serves the target, absolute to its canonical origin elsewhere', () => {
    const onPortal = new Links(chrome, null);
    expect(onPortal.item(soYTe, 'tin')).toBe('/so-y-te/tin');
    expect(onPortal.home(portal)).toBe('/');
    expect(onPortal.canonical(soYTe, '/tin')).toBe('https://soyte.laocai.gov.vn/tin');
    expect(onPortal.canonical(soTaiChinh, '/tin')).toBe('https://laocai.gov.vn/so-tai-chinh/tin');
    expect(onPortal.canonical(portal)).toBe('https://laocai.gov.vn/');
    const onSubsite = new Links(chrome, soYTe);
    expect(onSubsite.item(soYTe, 'tin')).toBe('/tin');
    expect(onSubsite.home(soYTe)).toBe('/');
    expect(onSubsite.section(soYTe, 'tin-tuc')).toBe('/chuyen-muc/tin-tuc');
    expect(onSubsite.home(portal)).toBe('https://laocai.gov.vn/');
    expect(onSubsite.item(soTaiChinh, 'tin')).toBe('https://laocai.gov.vn/so-tai-chinh/tin');
    expect(onSubsite.units()).toBe('https://laocai.gov.vn/co-quan');
  });
});

describe("the portal's own first segments: no item may take them", () => {
  it("every page path, platform path and the assets' are among content's reserved slugs (an item there would never be reached)", () => {
    const held = [...Object.values(PAGE_PATHS), ...PLATFORM_PATHS, ASSETS_PATH];
    expect(held.filter((segment) => !RESERVED_SLUGS.includes(segment))).toEqual([]);
  });
});
