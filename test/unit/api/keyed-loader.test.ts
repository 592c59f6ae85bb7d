import { inKeyOrder, keyedLoader, limitedLoader } from '../../../src/api/loaders/keyed';

describe('the DataLoader batch contract', () => {
  it('answers one value per key, in key order, with the missing value for absent keys', () => {
    expect(inKeyOrder(['b', 'x', 'a'], new Map([['a', 1], ['b', 2]]), 0)).toEqual([2, 0, 1]);
  });

  it('batches the keys of one tick into one read and deduplicates them', async () => {
    const reads: string[][] = [];
    const loader = keyedLoader(async (keys) => {
      reads.push([...keys]);
      return new Map(keys.filter((key) => key !== 'none').map((key) => [key, key.toUpperCase()]));
    }, null);
    const values = await Promise.all([loader.load('b'), loader.load('a'), loader.load('b'), loader.load('none')]);
    expect(values).toEqual(['B', 'A', 'B', null]);
    expect(reads).toEqual([['b', 'a', 'none']]);
  });

  it('fails every key of a failed read with the cause', async () => {
    const loader = keyedLoader<string[]>(async () => {
      throw new Error('Neo4j unavailable');
    }, []);
    const results = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe('Neo4j unavailable');
  });

  it('reads bounded lists once per limit, keys cached by id and limit, answers in key order', async () => {
    const reads: Array<[string[], number]> = [];
    const loader = limitedLoader<string[]>(async (ids, limit) => {
      reads.push([[...ids], limit]);
      return new Map(ids.filter((id) => id !== 'none').map((id) => [id, Array.from({ length: limit }, (_, i) => `${id}${i}`)]));
    }, []);
    const values = await Promise.all([
      loader.load({ id: 'a', limit: 2 }),
      loader.load({ id: 'b', limit: 1 }),
      loader.load({ id: 'a', limit: 2 }),
      loader.load({ id: 'c', limit: 2 }),
      loader.load({ id: 'none', limit: 1 }),
    ]);
    expect(values).toEqual([['a0', 'a1'], ['b0'], ['a0', 'a1'], ['c0', 'c1'], []]);
    expect(reads.sort((x, y) => x[1] - y[1])).toEqual([
      [['b', 'none'], 1],
      [['a', 'c'], 2],
    ]);
  });

  it('fails only the keys of a limit whose read failed', async () => {
    const loader = limitedLoader<string[]>(async (ids, limit) => {
      if (limit === 3) throw new Error('Neo4j unavailable');
      return new Map(ids.map((id) => [id, [id]]));
    }, []);
    const results = await Promise.allSettled([loader.load({ id: 'a', limit: 3 }), loader.load({ id: 'a', limit: 1 })]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
  });
});
