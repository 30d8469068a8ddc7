import { Button, Typography } from 'antd';
import { useRef } from 'react';
import type { RuleProblem } from './rule-problems';

/** Must match `.cong-code textarea` in console.css: the gutter's numbers stay beside their lines. */
const LINE_HEIGHT_PX = 20;

/**
 * A YAML file in a plain text area with its line numbers beside it; the lines a problem names are
 * marked in the gutter, and each problem below the file is a link that selects its line. Plain
 * text on purpose: screen readers and the browser's own undo, search and paste just work.
 */
export function YamlEditor({
  id,
  label,
  value,
  onChange,
  problems = [],
  readOnly = false,
  rows = 24,
}: {
  id: string;
  label: string;
  value: string;
  onChange?: (value: string) => void;
  problems?: RuleProblem[];
  readOnly?: boolean;
  rows?: number;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = value.split('\n').length;
  const marked = new Set(problems.map((p) => p.line));

  const goTo = (line: number) => {
    const text = area.current;
    if (!text) return;
    const lines = text.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    text.focus();
    text.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    text.scrollTop = Math.max(0, (line - 4) * LINE_HEIGHT_PX);
  };

  return (
    <div>
      <label htmlFor={id}>
        <Typography.Text strong>{label}</Typography.Text>
      </label>
      <div className={`cong-code${problems.length > 0 ? ' cong-code-invalid' : ''}`}>
        <div className="cong-code-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <div key={i} className={marked.has(i + 1) ? 'cong-code-marked' : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          id={id}
          ref={area}
          rows={rows}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          readOnly={readOnly}
          value={value}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
          onChange={(e) => onChange?.(e.target.value)}
          onScroll={() => {
            if (gutter.current && area.current) gutter.current.scrollTop = area.current.scrollTop;
          }}
        />
      </div>
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="cong-problems" aria-label={`Lỗi trong ${label}`}>
          {problems.map((p, i) => (
            <li key={i}>
              <Button type="link" danger size="small" style={{ padding: 0 }} onClick={() => goTo(p.line)}>
                Dòng {p.line}
              </Button>
              {p.path && (
                <>
                  {' '}
                  <code>{p.path}</code>
                </>
              )}
              : {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
