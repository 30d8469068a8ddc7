import { Layout } from './layout';
import type { PageContext } from './page-context';

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: 'Yêu cầu không hợp lệ', text: 'Địa chỉ hoặc điều kiện lọc chưa đúng.' },
  404: { title: 'Không tìm thấy trang', text: 'Trang bạn tìm không có trên cổng, hoặc địa chỉ đã bị gõ sai.' },
  410: { title: 'Tin bài đã được gỡ', text: 'Tin bài ở địa chỉ này đã được đơn vị gỡ khỏi cổng và không còn được công bố.' },
  503: { title: 'Cổng tạm thời gián đoạn', text: 'Hệ thống đang bận hoặc bảo trì. Xin vui lòng thử lại sau ít phút.' },
};

/** A page that says what went wrong, in Vietnamese, with a way on (home, search). */
export function ErrorPage({ ctx, status, detail }: { ctx: PageContext; status: 400 | 404 | 410 | 503; detail?: string[] }) {
  const m = MESSAGES[status];
  const { site, links } = ctx;
  return (
    <Layout ctx={ctx} title={m.title} noindex>
      <h1>{m.title}</h1>
      <p class="lead">{m.text}</p>
      {detail?.length ? (
        <div class="notice">
          <ul>
            {detail.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul>
        <li>
          <a href={links.home(site)}>Về trang chủ</a>
        </li>
        <li>
          <a href={links.search(site)}>Tìm kiếm trên {site.key === 'portal' ? 'cổng' : 'chuyên trang'}</a>
        </li>
      </ul>
    </Layout>
  );
}
