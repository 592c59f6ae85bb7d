import { actorMentions } from '../../../src/ingest/extract/coreference';
import type { OrganisationFound } from '../../../src/ingest/extract/organisations';
import type { PlaceFound } from '../../../src/ingest/extract/places';

const body = (name: string, type: OrganisationFound['type'], at: number): OrganisationFound => ({ name, aliases: new Set(), type, mentions: [{ start: at, end: at + name.length }] });
const place = (name: string, level: PlaceFound['level'], at: number): PlaceFound => ({ name, aliases: new Set(), level, code: null, parent: null, mentions: [{ start: at, end: at + name.length }] });

/** What each reference word of an invented text points at, as `word>name`. */
function references(text: string, organisations: OrganisationFound[], places: PlaceFound[] = []): string[] {
  return actorMentions({ text, organisations, places })
    .filter((m) => m.pronoun)
    .map((m) => `${text.slice(m.start, m.end)}>${m.ref.name}`);
}

describe('actorMentions: references', () => {
  it('points 该所, 该局 and 该中心 at the body of that kind named last before them', () => {
    const text = '某县司法所和某县民政局、某县养老服务中心参加。该所表示，该局和该中心也将参加。';
    const orgs = [body('某县司法所', 'GOVERNMENT', 0), body('某县民政局', 'GOVERNMENT', 6), body('某县养老服务中心', 'GOVERNMENT', 12)];
    expect(references(text, orgs)).toEqual(['该所>某县司法所', '该局>某县民政局', '该中心>某县养老服务中心']);
  });

  it('points 该区 at the district and a bare 社区 as a subject at the community', () => {
    const text = '白沙社区位于开福区。该区表示，社区还将开展活动。';
    const found = references(text, [], [place('白沙社区', 'COMMUNITY', 0), place('开福区', 'DISTRICT', 6)]);
    expect(found).toEqual(['该区>开福区', '社区>白沙社区']);
  });
});
