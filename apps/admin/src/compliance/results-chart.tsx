import { Space, Typography } from 'antd';
import type { Bucket } from './results-summary';

const MET = '#237804';
const MISSED = '#cf1322';

function Swatch({ colour }: { colour: string }) {
  return (
    <span aria-hidden style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: colour, marginRight: 4 }} />
  );
}

/**
 * Met against missed obligations, one bar per part of the period. The bars are drawn for the eye
 * only; each line says its figures in words, so a screen reader reads the same as the chart shows.
 */
export function MetMissedChart({ title, buckets }: { title: string; buckets: Bucket[] }) {
  const widest = Math.max(1, ...buckets.map((b) => b.met + b.missed));
  return (
    <figure style={{ margin: 0 }} aria-labelledby="met-missed-title">
      <figcaption>
        <Typography.Title level={3} id="met-missed-title" style={{ fontSize: 16 }}>
          {title}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 8 }} aria-hidden>
          <span>
            <Swatch colour={MET} />
            Đạt
          </span>
          <span>
            <Swatch colour={MISSED} />
            Không đạt
          </span>
        </Space>
      </figcaption>
      {buckets.length === 0 ? (
        <Typography.Text>Chưa có số liệu trong kỳ này.</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {buckets.map((b) => (
            <li key={b.key} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px', marginBottom: 8 }}>
              <span style={{ flex: '0 0 130px' }}>{b.label}</span>
              <span
                aria-hidden
                style={{ flex: '1 1 150px', minWidth: 150, height: 16, display: 'flex', background: '#f0f0f0', borderRadius: 2 }}
              >
                <span style={{ width: `${(100 * b.met) / widest}%`, background: MET }} />
                <span style={{ width: `${(100 * b.missed) / widest}%`, background: MISSED }} />
              </span>
              <span style={{ flex: '0 0 auto' }}>
                {b.met + b.missed === 0 ? 'không có nghĩa vụ' : `${b.met} đạt, ${b.missed} không đạt`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
