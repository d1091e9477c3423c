import { describe, expect, it } from 'vitest';
import { renderPairs, renderTable } from './table.js';
import { textStyle, visibleWidth } from './text-style.js';

describe('renderTable', () => {
  it('aligns text left and numbers right, with rules around the header and totals', () => {
    const text = renderTable(
      {
        title: 'T',
        columns: [{ header: 'Name' }, { header: 'Amount', align: 'right' }],
        rows: [
          ['Alpha', '1,000.00'],
          ['Be', '5.00'],
        ],
        footer: [['Total', '1,005.00']],
      },
      textStyle(false),
    );
    expect(text.split('\n')).toEqual([
      'T',
      'Name     Amount',
      '─────  ────────',
      'Alpha  1,000.00',
      'Be         5.00',
      '─────  ────────',
      'Total  1,005.00',
    ]);
  });

  it('measures widths without ANSI escapes', () => {
    const style = textStyle(true);
    const text = renderTable(
      { columns: [{ header: 'A', align: 'right' }], rows: [[style.red('-5')], ['100']] },
      style,
    );
    const lines = text.split('\n').map((line) => visibleWidth(line));
    expect(new Set(lines.slice(2))).toEqual(new Set([3]));
    expect(text).toContain('\u001b[31m-5\u001b[39m');
  });

  it('renders label/value pairs', () => {
    expect(
      renderPairs(
        'P',
        [
          ['a', '1'],
          ['bbb', '22'],
        ],
        textStyle(false),
      ),
    ).toBe('P\na     1\nbbb  22');
  });
});
