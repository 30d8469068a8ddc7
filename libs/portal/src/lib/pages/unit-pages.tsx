import type { PublicUnit } from '@cong/units';
import { vietnameseOrder } from '../vietnamese';
import { Layout } from './layout';
import type { PageContext } from './page-context';

/** The unit tree ("Cơ quan, đơn vị"): each unit links to its profile (and its sub-site). */
export function UnitsPage({ ctx }: { ctx: PageContext }) {
  const { chrome, links } = ctx;
  const all = [...chrome.units.values()];
  const childrenOf = (parent: string | null) =>
    all
      .filter((u) => u.parent === parent || (parent === null && u.parent !== null && !chrome.units.has(u.parent)))
      .sort((a, b) => vietnameseOrder(a.name, b.name));
  const Tree = ({ parent }: { parent: string | null }) => {
    const children = childrenOf(parent);
    return children.length ? (
      <ul>
        {children.map((u) => (
          <li key={u.code}>
            <a href={links.unit(u.code)}>{u.name}</a>
            <Tree parent={u.code} />
          </li>
        ))}
      </ul>
    ) : null;
  };
  return (
    <Layout
      ctx={ctx}
      title="Cơ quan, đơn vị"
      canonical={links.canonical(chrome.portal, '/co-quan')}
      crumbs={[{ title: 'Cơ quan, đơn vị' }]}
      currentSection="co-quan"
    >
      <h1>Cơ quan, đơn vị</h1>
      <p class="lead">Các cơ quan, đơn vị của {chrome.tenant.name}: chức năng, nhiệm vụ, lãnh đạo, địa chỉ và số điện thoại liên hệ.</p>
      <div class="tree">
        <Tree parent={null} />
      </div>
    </Layout>
  );
}

/** A unit's public profile (NA-5.1): functions, duties, organisation, leaders, contacts, the divisions that receive citizens. */
export function UnitPage({ ctx, unit }: { ctx: PageContext; unit: PublicUnit }) {
  const { chrome, links } = ctx;
  const p = unit.profile ?? {};
  const site = chrome.sites.find((s) => s.key === unit.code);
  const parent = unit.parent ? chrome.units.get(unit.parent) : undefined;
  const children = [...chrome.units.values()].filter((u) => u.parent === unit.code).sort((a, b) => vietnameseOrder(a.name, b.name));
  const receiving = (p.divisions ?? []).filter((d) => d.handlesCitizens);
  return (
    <Layout
      ctx={ctx}
      title={unit.name}
      description={p.functions?.slice(0, 160)}
      canonical={links.canonical(chrome.portal, `/co-quan/${unit.code}`)}
      crumbs={[{ title: 'Cơ quan, đơn vị', href: links.units() }, { title: unit.name }]}
      currentSection="co-quan"
    >
      <h1>{unit.name}</h1>
      {parent ? (
        <p class="meta">
          Trực thuộc: <a href={links.unit(parent.code)}>{parent.name}</a>
        </p>
      ) : null}
      {site ? (
        <p>
          <a class="button" href={links.home(site)}>
            Vào chuyên trang {site.title}
          </a>
        </p>
      ) : null}
      <dl class="facts">
        {p.address ? (
          <>
            <dt>Địa chỉ</dt>
            <dd>{p.address}</dd>
          </>
        ) : null}
        {p.phone ? (
          <>
            <dt>Điện thoại</dt>
            <dd>
              <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a>
            </dd>
          </>
        ) : null}
        {p.email ? (
          <>
            <dt>Thư điện tử</dt>
            <dd>
              <a href={`mailto:${p.email}`}>{p.email}</a>
            </dd>
          </>
        ) : null}
        {p.website && /^https?:\/\//.test(p.website) ? (
          <>
            <dt>Trang web</dt>
            <dd>
              <a href={p.website}>{p.website}</a>
            </dd>
          </>
        ) : null}
        {p.fieldsOfActivity?.length ? (
          <>
            <dt>Lĩnh vực hoạt động</dt>
            <dd>{p.fieldsOfActivity.join('; ')}</dd>
          </>
        ) : null}
      </dl>
      {!p.address && !p.phone && !p.email && !p.functions && !p.duties && !(p.leaders ?? []).length ? (
        <p>Đơn vị chưa công bố thông tin giới thiệu.</p>
      ) : null}
      {p.functions ? (
        <section aria-labelledby="chuc-nang">
          <h2 id="chuc-nang">Chức năng</h2>
          <p class="body">{p.functions}</p>
        </section>
      ) : null}
      {p.duties ? (
        <section aria-labelledby="nhiem-vu">
          <h2 id="nhiem-vu">Nhiệm vụ, quyền hạn</h2>
          <p class="body">{p.duties}</p>
        </section>
      ) : null}
      {(p.leaders ?? []).length ? (
        <section aria-labelledby="lanh-dao">
          <h2 id="lanh-dao">Lãnh đạo</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Chức vụ</th>
                  <th scope="col">Điện thoại</th>
                  <th scope="col">Thư điện tử</th>
                </tr>
              </thead>
              <tbody>
                {p.leaders!.map((l, i) => (
                  <tr key={i}>
                    <td>{l.name}</td>
                    <td>{l.title}</td>
                    <td>{l.phone ?? ''}</td>
                    <td>{l.email ? <a href={`mailto:${l.email}`}>{l.email}</a> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {(p.divisions ?? []).length ? (
        <section aria-labelledby="to-chuc">
          <h2 id="to-chuc">Cơ cấu tổ chức</h2>
          <ul>
            {p.divisions!.map((d, i) => (
              <li key={i}>
                <strong>{d.name}</strong>
                {d.phone ? ` — Điện thoại: ${d.phone}` : ''}
                {d.handlesCitizens ? ' (tiếp nhận, giải quyết công việc của người dân)' : ''}
                {d.duties ? <p>{d.duties}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {receiving.length ? (
        <section aria-labelledby="tiep-dan">
          <h2 id="tiep-dan">Bộ phận tiếp nhận hồ sơ, giải quyết công việc của người dân</h2>
          <ul>
            {receiving.map((d, i) => (
              <li key={i}>
                {d.name}
                {d.phone ? ` — ${d.phone}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {children.length ? (
        <section aria-labelledby="don-vi-truc-thuoc">
          <h2 id="don-vi-truc-thuoc">Đơn vị trực thuộc</h2>
          <ul>
            {children.map((u) => (
              <li key={u.code}>
                <a href={links.unit(u.code)}>{u.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
