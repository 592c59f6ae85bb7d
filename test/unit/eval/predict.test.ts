import { predictPage } from '../../../src/eval/predict';
import { BatchBuilder } from './builders';

describe('predictPage', () => {
  it('files credits, mentions and relations under the story named by each edge', () => {
    const builder = new BatchBuilder();
    const s1 = builder.story('第一条');
    const s2 = builder.story('第二条');
    builder.credit(s1, '杨凌凌', '全媒体记者');
    builder.mention(s1, { label: 'Organisation', name: '芦淞区人力资源和社会保障局', aliases: ['芦淞区人社局'] });
    builder.mention(s2, { label: 'Place', name: '芦淞区' });
    builder.runs(s2, { label: 'Place', name: '芦淞区' }, '轻淞就业');
    builder.heldIn(s2, '轻淞就业', '芦淞区');
    builder.position(s2, '李玉龙', { label: 'Organisation', name: '株洲欧微服饰有限公司' }, '董事长');
    const page = predictPage(builder.build());

    expect(page.stories.map((s) => s.headline)).toEqual(['第一条', '第二条']);
    expect(page.stories[0].credits).toEqual([
      { person: expect.objectContaining({ name: '杨凌凌' }), role: '全媒体记者' },
    ]);
    expect(page.stories[0].organisations[0].aliases).toEqual(['芦淞区人社局']);
    expect(page.stories[1].places.map((p) => p.name)).toEqual(['芦淞区']);
    expect(page.stories[1].runs[0].organisation).toMatchObject({ label: 'Place', name: '芦淞区' });
    expect(page.stories[1].held_in[0].place.name).toBe('芦淞区');
    expect(page.stories[1].positions[0]).toMatchObject({ title: '董事长', person: { name: '李玉龙' } });
    expect(page.warnings).toEqual([]);
  });

  it('drops edges that break the batch contract, with a warning, instead of failing', () => {
    const builder = new BatchBuilder();
    const s1 = builder.story('第一条');
    const batch = builder.build();
    batch.relationships.push({ type: 'MENTIONS', from: s1, to: 'org:不存在', story: s1 });
    batch.relationships.push({ type: 'RUNS', from: 'org:不存在', to: 'programme:也不存在' });
    const page = predictPage(batch);
    expect(page.stories[0].organisations).toEqual([]);
    expect(page.warnings).toEqual([
      `MENTIONS ${s1} → org:不存在 dropped: the entity is not in the batch`,
      'RUNS org:不存在 → programme:也不存在 dropped: no story property',
    ]);
  });
});
