import { describe, expect, it } from 'vitest';
import { archivalCodeRegex, renderArchivalCode } from './archival-code.rules';

const pattern = '{fonds}-{category}·{type}-{year}-{retention}-{seq:4}';

describe('档号', () => {
  it('renders the DA/T 13 style code with a zero-padded 件号', () => {
    expect(renderArchivalCode(pattern, { fonds: 'J032', category: 'ZW', type: '01', year: 2026, retention: 'D30', seq: 7 })).toBe('J032-ZW·01-2026-D30-0007');
    expect(renderArchivalCode('{fonds}-{year}-{retention}-{seq:6}', { fonds: 'A1', category: 'ZW', type: '20', year: 2027, retention: 'Y', seq: 12345 })).toBe('A1-2027-Y-012345');
  });

  it('matches codes of the pattern and reads their segments back; others do not match', () => {
    const re = archivalCodeRegex(pattern);
    expect(re.exec('J032-ZW·01-2026-D30-0007')?.groups).toEqual({ fonds: 'J032', category: 'ZW', type: '01', year: '2026', retention: 'D30', seq: '0007' });
    for (const bad of ['J032-ZW·01-2026-D20-0007', 'J032-ZW·01-26-D30-0007', 'J032-ZW·01-2026-D30-007', 'J032-ZW-01-2026-D30-0007', 'x J032-ZW·01-2026-D30-0007']) {
      expect(re.test(bad), bad).toBe(false);
    }
  });
});
