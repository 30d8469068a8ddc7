import { Typography } from 'antd';
import type { MouseEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../session/lookups';
import { GUIDES } from './guides';

/**
 * "Hướng dẫn sử dụng" (NA-7.2e): the guides of docs/huong-dan, the reader's own role first; the
 * guide open lives in the address (`?bai=trung-tam-cntt`), so it can be passed on. `operator`:
 * the national operators' console, which shows their guide alone.
 */
export function HelpPage({ operator = false }: { operator?: boolean }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const guides = GUIDES.filter((g) => g.roles.includes('national_operator') === operator);
  // The widest role first: an IT centre officer who also edits for a unit reads the IT centre's guide.
  const mine = [...guides].reverse().find((g) => g.roles.some((r) => me.data?.roles.includes(r))) ?? guides[0];
  const open = guides.find((g) => g.slug === params.get('bai')) ?? mine;
  // A link to another guide (`?bai=…`) opens it here, without reloading the console.
  const follow = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    const slug = link?.getAttribute('href')?.match(/^\?bai=([a-z-]+)$/)?.[1];
    if (slug) {
      event.preventDefault();
      setParams({ bai: slug });
      window.scrollTo({ top: 0 });
    }
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Hướng dẫn sử dụng
      </Typography.Title>
      {guides.length > 1 && (
        <nav aria-label="Các bản hướng dẫn" className="cong-guide-list">
          <ul>
            {guides.map((g) => (
              <li key={g.slug}>
                <Link to={`?bai=${g.slug}`} aria-current={g.slug === open.slug ? 'page' : undefined}>
                  {g.title}
                  {g === mine ? ' (vai trò của bạn)' : ''}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {/* The guides are ours, written into the build (docs/huong-dan): no reader's text goes in here. */}
      <article className="cong-guide" onClick={follow} dangerouslySetInnerHTML={{ __html: open.html }} />
    </>
  );
}
