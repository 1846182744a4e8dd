import { describe, expect, it } from 'vitest';
import {
  retainedChange,
  retainedMismatches,
  treatyFacts,
  treatyRows,
  yearRanges,
} from '../../../../src/kinds/monitor-profile/derive/treaty.js';
import { TreatyStatus } from '../../../../src/kinds/monitor-profile/schema/report.js';

const party = TreatyStatus.parse({
  status: 'state_party',
  signed: '1997-12-03',
  joined: { how: 'ratification', date: '1999-01-14' },
  entry_into_force: '1999-07-01',
  legislation: { status: 'enacted', title: 'Mines Act', date: '2000-05-12' },
  transparency: { years: [1999, 2000, 2001, 2003, 2004], latest: '2005-04-30' },
  stockpile: { destruction_completed: '2003-02-28', destroyed: 212450 },
  retained: [
    { year: 2023, balance: 1036 },
    { year: 2024, balance: 980, consumed: 56 },
  ],
});

describe('treaty status', () => {
  it('prints a State Party’s key facts in the Monitor’s words', () => {
    expect(treatyRows(party, 'mbt')).toEqual([
      { label: 'Mine Ban Treaty status', value: 'State Party' },
      { label: 'Signed', value: '3 December 1997' },
      { label: 'Ratified', value: '14 January 1999' },
      { label: 'Entry into force', value: '1 July 1999' },
      { label: 'National implementation legislation', value: 'Mines Act, enacted 12 May 2000' },
      {
        label: 'Transparency reporting',
        value: 'Submitted for 1999–2001 and 2003–2004; latest submitted 30 April 2005',
      },
      {
        label: 'Stockpile destruction',
        value: 'Completed on 28 February 2003 (212,450 mines destroyed)',
      },
      { label: 'Mines retained for training', value: '980 (end of 2024)' },
    ]);
  });

  it('says "Not submitted", a stockpile deadline, and what a non-party has stated', () => {
    const t = TreatyStatus.parse({
      status: 'not_party',
      transparency: { years: [], initial_due: '2019-12-01' },
      stockpile: { deadline: '2027-03-01', destroyed_so_far: 4000 },
      conduct: { use: 'Used in 2024.[^n1]' },
    });
    expect(treatyRows(t, 'ccm')).toEqual([
      { label: 'Convention on Cluster Munitions status', value: 'Not a State Party' },
      {
        label: 'Transparency reporting',
        value: 'Not submitted (initial report due 1 December 2019)',
      },
      { label: 'Stockpile destruction', value: 'Deadline 1 March 2027 (4,000 destroyed so far)' },
      { label: 'Use', value: 'Used in 2024.[^n1]', markdown: true },
    ]);
  });

  it('checks each retained balance against the year before: 1,036 - 56 = 980', () => {
    expect(retainedMismatches(party.retained ?? [], 'mines')).toEqual([]);
    expect(
      retainedMismatches(
        [
          { year: 2023, balance: 1036 },
          { year: 2024, balance: 975, consumed: 56 },
          { year: 2025, balance: 990 },
        ],
        'mines',
      ),
    ).toEqual([
      {
        index: 1,
        message:
          '2024: 1,036 - 56 = 980 mines (the 2023 balance, plus added, less consumed), but the balance given is 975',
      },
      {
        index: 2,
        message:
          '2025: the balance moved from 975 to 990 mines, but neither added nor consumed is given',
      },
    ]);
  });

  it('gives prose the facts by name, as phrases that run on in a sentence', () => {
    const f = treatyFacts(party, 'mbt');
    expect(f.get('mbt_joined')).toBe('ratified on 14 January 1999');
    expect(f.get('mbt_transparency_years')).toBe('1999–2001 and 2003–2004');
    expect(f.get('mbt_retained_change')).toBe(
      '980 mines at the end of 2024, down from 1,036 at the end of 2023 (56 consumed)',
    );
    expect(f.get('mbt_stockpile_destroyed')).toBe('212,450');
    expect(retainedChange([{ year: 2024, balance: 10 }], 'submunitions')).toBe(
      '10 submunitions at the end of 2024',
    );
    expect(yearRanges([2020])).toBe('2020');
    expect(yearRanges([2018, 2020, 2022, 2023])).toBe('2018, 2020 and 2022–2023');
  });

  it('refuses facts that contradict the status', () => {
    const issues = (v: unknown) =>
      TreatyStatus.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ status: 'state_party' })).toEqual([
      'joined: a State Party needs joined (how and when it became bound)',
      'entry_into_force: a State Party needs its entry_into_force date',
    ]);
    expect(
      issues({
        status: 'state_party',
        signed: '1997-12-03',
        joined: { how: 'ratification', date: '1997-01-14' },
        entry_into_force: '1996-07-01',
      }),
    ).toEqual([
      'joined: the country cannot have joined before it signed',
      'entry_into_force: entry into force cannot come before the country joined',
    ]);
    expect(issues({ status: 'not_party', signed: '1997-12-03' })).toEqual([
      'signed: a country that signed is a signatory (status: signatory)',
    ]);
    expect(
      issues({
        status: 'not_party',
        retained: [
          { year: 2024, balance: 1 },
          { year: 2023, balance: 1 },
        ],
      }),
    ).toEqual(['retained.1.year: list the years oldest first, each once']);
  });
});
