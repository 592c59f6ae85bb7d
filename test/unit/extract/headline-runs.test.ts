import { headlineRuns } from '../../../src/ingest/extract/headline-runs';
import { extractStory, readNames } from '../../../src/ingest/extract/story';

/** The headline's bodies and places, as story.ts reads them. */
const names = (headline: string): Parameters<typeof headlineRuns>[0]['names'] => {
  const read = readNames(headline);
  return { text: read.prepared.text, organisations: read.organisations, places: read.places.places };
};

const runs = (headline: string, body: string): string[] =>
  extractStory({ headline, kicker: null, subtitle: null, body, creditNames: [] })
    .relations.filter((r) => r.type === 'RUNS')
    .map((r) => `${r.from.name}>${r.to.name}|${r.evidence}`);

describe('headlineRuns', () => {
  it('gives the headline\'s subject the body\'s programme its object names in short', () => {
    expect(runs('醴陵市举办青年干部能力提升班', '3月2日，2024年度醴陵市青年干部能力提升培训班开班。')).toContain(
      '醴陵市>2024年度醴陵市青年干部能力提升培训班|醴陵市举办青年干部能力提升班',
    );
  });

  it('finds a body printed in full in the story from the short form in the headline', () => {
    const found = headlineRuns({
      headline: '高新区启动“春风送岗”招聘月',
      names: names('高新区启动“春风送岗”招聘月'),
      programmes: [{ name: '春风送岗', aliases: ['“春风送岗”招聘月'] }],
      actors: [{ label: 'Place', name: '株洲高新技术产业开发区', aliases: ['株洲高新区'] }],
    });
    expect(found.map((r) => `${r.from.name}>${r.to.name}`)).toEqual(['株洲高新技术产业开发区>春风送岗']);
  });

  it('says nothing when the subject is not in the story, there is no run verb, or the object names no programme', () => {
    const programmes = [{ name: '城乡环境提质三年行动', aliases: [] }];
    const actors = [{ label: 'Place' as const, name: '醴陵市' }];
    expect(headlineRuns({ headline: '攸县开展城乡环境提质三年行动', names: names('攸县开展城乡环境提质三年行动'), programmes, actors })).toEqual([]);
    expect(headlineRuns({ headline: '醴陵市城乡环境提质三年行动见成效', names: names('醴陵市城乡环境提质三年行动见成效'), programmes, actors })).toEqual([]);
    expect(headlineRuns({ headline: '醴陵市开展文明创建', names: names('醴陵市开展文明创建'), programmes, actors })).toEqual([]);
  });

  it('leaves a programme the body already gives a runner', () => {
    expect(runs('醴陵市举办招聘会', '醴陵市人社局在市民中心举办春季大型招聘会。').some((r) => r.startsWith('醴陵市>'))).toBe(false);
  });
});
